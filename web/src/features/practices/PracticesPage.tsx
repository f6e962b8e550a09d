import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, type Practice, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { focusSaved, useFocusFirstError } from '../../ui/focus';
import { useT } from '../../i18n';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { hasRole, useSignedIn } from '../session/session';
import { m } from './messages';

/** Program leaders: the practices coaching can focus on, grouped by category. */
export function PracticesPage() {
  const t = useT(m);
  const me = useSignedIn();
  const practices = useQuery({ queryKey: ['practices'], queryFn: () => api.get<{ items: Practice[] }>('/api/practices') });
  const items = practices.data?.items ?? [];
  const categories = [...new Set(items.map((p) => p.category))];
  const leader = hasRole(me, 'leader');
  return (
    <div>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {practices.isPending ? <Loading what={t('loading')} /> : null}
      <ErrorAlert error={practices.error} />
      {categories.map((cat) => (
        <Section key={cat} title={cat}>
          <ul className="plain-list">
            {items
              .filter((p) => p.category === cat)
              .map((p) => (
                <li key={p.id}>
                  <PracticeItem p={p} canEdit={leader} />
                </li>
              ))}
          </ul>
        </Section>
      ))}
      {leader ? <AddPractice categories={categories} /> : null}
    </div>
  );
}

/** The element id of one practice's name, where focus goes after it is saved. */
const practiceDomId = (id: string) => `practice-${id}`;

function PracticeItem({ p, canEdit }: { p: Practice; canEdit: boolean }) {
  const t = useT(m);
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(p.name);
  const [category, setCategory] = useState(p.category);
  const [description, setDescription] = useState(p.description);
  const update = useMutation({
    mutationFn: (body: Partial<Practice>) => api.patch<Practice>(`/api/practices/${p.id}`, body),
    onSuccess: (_, body) => {
      setEditing(false);
      client.invalidateQueries({ queryKey: ['practices'] });
      // After an edit, focus the saved practice; archiving keeps focus on its button.
      if ('name' in body) focusSaved(practiceDomId(p.id));
    },
  });
  const err = update.error instanceof ApiError ? update.error : null;
  const ref = useRef<HTMLElement>(null);
  useFocusFirstError(ref, update.error);
  return (
    <article ref={ref} className={p.archived ? 'card practice archived' : 'card practice'}>
      {editing ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ name, category, description });
          }}
        >
          <TextField label={t('name')} required value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('name')} />
          <TextField label={t('category')} required value={category} onChange={(e) => setCategory(e.target.value)} error={err?.fieldMessage('category')} />
          <TextArea label={t('description')} value={description} onChange={(e) => setDescription(e.target.value)} error={err?.fieldMessage('description')} />
          <ErrorAlert error={update.error} />
          <div className="button-row">
            <Button type="submit" busy={update.isPending}>
              {t('save')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <h3 id={practiceDomId(p.id)}>
            {p.name}
            {p.archived ? <span className="badge">{t('archived')}</span> : null}
          </h3>
          {p.description ? <p>{p.description}</p> : null}
          {canEdit ? (
            <div className="button-row">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('edit')}<span className="visually-hidden"> {p.name}</span>
              </Button>
              <Button variant="quiet" busy={update.isPending} onClick={() => update.mutate({ archived: !p.archived })}>
                {p.archived ? t('bringBack') : t('archive')}
                <span className="visually-hidden"> {p.name}</span>
              </Button>
            </div>
          ) : null}
          {!editing ? <ErrorAlert error={update.error} /> : null}
        </>
      )}
    </article>
  );
}

function AddPractice({ categories }: { categories: string[] }) {
  const t = useT(m);
  const client = useQueryClient();
  const [category, setCategory] = useState(categories[0] ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<Practice>('/api/practices', { category, name, description }),
    onSuccess: (practice) => {
      setName('');
      setDescription('');
      client.invalidateQueries({ queryKey: ['practices'] });
      focusSaved(practiceDomId(practice.id));
    },
  });
  const err = add.error instanceof ApiError ? add.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, add.error);
  return (
    <Section title={t('addTitle')} id="add-practice">
      {add.isSuccess ? <Alert tone="success">{t('added')}</Alert> : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <ErrorAlert error={add.error} />
        <TextField label={t('category')} required list="practice-categories" value={category} onChange={(e) => setCategory(e.target.value)} error={err?.fieldMessage('category')} hint={t('categoryHint')} />
        <datalist id="practice-categories">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <TextField label={t('practiceName')} required value={name} onChange={(e) => setName(e.target.value)} error={err?.fieldMessage('name')} />
        <TextArea label={t('description')} value={description} onChange={(e) => setDescription(e.target.value)} error={err?.fieldMessage('description')} />
        <Button type="submit" busy={add.isPending}>
          {t('add')}
        </Button>
      </form>
    </Section>
  );
}
