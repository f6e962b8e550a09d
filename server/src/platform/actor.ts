import type { OrgRole } from '../../../shared/src/domain';
import type { Language } from '../../../shared/src/i18n';

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
  /** The language Tandem speaks to this person: their own choice, else their organization's default. */
  language: Language;
}
