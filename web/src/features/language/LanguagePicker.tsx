import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, type Language, isLanguage } from '../../../../shared/src/i18n';
import { type Me, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/Field';
import { ME_KEY, useMe } from '../session/session';
import { m } from './messages';

/**
 * Choose the language Tandem speaks: signed in, it is saved for the person
 * (every device); before signing in, this browser remembers it. Each language
 * is named in itself, so a reader finds theirs whatever is on screen.
 */
export function LanguagePicker() {
  const t = useT(m);
  const { language, choose } = useLanguage();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [saved, setSaved] = useState<Language | null>(null);
  const save = useMutation({
    mutationFn: (next: Language | null) => api.put<Me>('/api/me/language', { language: next }),
    onSuccess: (next) => {
      client.setQueryData(ME_KEY, next);
      choose(next.language);
      setSaved(next.language);
    },
  });
  const value = me ? (me.languageChosen ? me.language : '') : language;
  return (
    <div className="language-picker">
      <SelectField
        label={t('label')}
        hint={me ? t('hint') : t('hintSignedOut')}
        value={value}
        disabled={save.isPending}
        onChange={(e) => {
          const next = e.target.value;
          if (me) save.mutate(isLanguage(next) ? next : null);
          else if (isLanguage(next)) choose(next);
        }}
      >
        {me ? <option value="">{t('organizationDefault')}</option> : null}
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={save.error} />
      {saved ? (
        <Alert tone="success">
          <p>{t('saved', { language: LANGUAGE_NAMES[saved] })}</p>
        </Alert>
      ) : null}
    </div>
  );
}
