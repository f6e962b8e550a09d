import type { OrgRole } from '../../../shared/src/domain';

/** The signed-in person making a request, always inside one organization (the tenant). */
export interface Actor {
  userId: string;
  personId: string;
  orgId: string;
  name: string;
  email: string;
  roles: ReadonlySet<OrgRole>;
  csrfToken: string;
  sessionHash: string;
}
