import { useMatchRoute, useNavigate, useSearch } from '@tanstack/react-router';
import { Building2, Check, ChevronDown, FolderKanban, LogIn } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { verifyConnection } from './api/verify-connection';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { recentProjects, rememberProject } from './recent-projects';
import { useConnection } from './use-connection';
import styles from './sign-in.module.css';

/**
 * Header scope switcher: shows the organisation signed in to, and switches between organisation
 * scope and a project (typed, or one used earlier this session). The scope is the `?project=`
 * URL parameter, so a shared link opens the same scope.
 */
export function ScopeSwitcher() {
  const connection = useConnection();
  const { project } = useSearch({ from: '__root__' });
  const navigate = useNavigate();
  const matchRoute = useMatchRoute();
  const [isOpen, setIsOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [isChecking, setIsChecking] = useState(false);
  const [typedError, setTypedError] = useState<string | null>(null);
  if (!connection) return null;
  const organisation = connection.organisation;
  const recent = recentProjects(organisation).filter((p) => p !== project);

  const choose = (next: string | undefined) => {
    setIsOpen(false);
    setTyped('');
    setTypedError(null);
    if (next) rememberProject(organisation, next);
    if (next === project) return;
    // A key belongs to one scope: from a key page, go to that region's list in the new scope.
    const keyPage = matchRoute({ to: '/regions/$region/keys/$keyId', fuzzy: true });
    const isCreate = matchRoute({ to: '/regions/$region/keys/new' });
    if (keyPage && !isCreate) {
      void navigate({
        to: '/regions/$region/keys',
        params: { region: keyPage.region },
        search: { project: next },
      });
      return;
    }
    void navigate({ to: '.', search: (prev) => ({ ...prev, project: next }) });
  };

  // A typed project is checked first: an unknown one would make every page a 404.
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const value = typed.trim();
    if (!value || isChecking) return;
    setIsChecking(true);
    setTypedError(null);
    try {
      await verifyConnection({ ...connection, project: value });
      choose(value);
    } catch (error) {
      setTypedError(
        isApiError(error, 404)
          ? `Project "${value}" not found in ${organisation}, or you have no access to it.`
          : 'The project could not be checked. Try again.',
      );
    } finally {
      setIsChecking(false);
    }
  };

  return (
    <Popover open={isOpen} onOpenChange={setIsOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          className={styles.scopeTrigger}
          aria-label={`Organisation ${organisation}, ${project ? `project ${project}` : 'organisation scope'}. Change scope`}
        >
          <Building2 size={15} aria-hidden />
          <span className={`${styles.scopeOrg} mono`}>{organisation}</span>
          <span className={styles.scopeSep} aria-hidden>
            /
          </span>
          {project ? (
            <span className={`${styles.scopeValue} mono`}>
              <FolderKanban size={13} aria-hidden />
              <span className={styles.scopeValueText}>{project}</span>
            </span>
          ) : (
            <span className={styles.scopeValue}>
              <span className={styles.scopeValueText}>Organisation scope</span>
            </span>
          )}
          <ChevronDown size={14} aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent aria-label="Scope">
        <div className={styles.popoverSection}>
          <span className="small-caps">Organisation</span>
          <div className={styles.orgLine}>
            <span className="mono">{organisation}</span>
            <Button
              variant="ghost"
              size="small"
              onClick={() => {
                setIsOpen(false);
                void navigate({
                  to: '/sign-in',
                  search: { redirect: '/regions', project: undefined },
                });
              }}
            >
              <LogIn size={13} aria-hidden /> Switch
            </Button>
          </div>
        </div>
        <div className={styles.popoverSection} role="group" aria-label="Scope">
          <span className="small-caps">Scope</span>
          <button
            type="button"
            className={styles.option}
            aria-current={project ? undefined : 'true'}
            onClick={() => choose(undefined)}
          >
            <Building2 size={14} aria-hidden />
            <span className={styles.optionText}>Organisation scope</span>
            {project ? null : <Check size={14} aria-hidden />}
          </button>
          {project ? (
            <button
              type="button"
              className={styles.option}
              aria-current="true"
              onClick={() => choose(project)}
            >
              <FolderKanban size={14} aria-hidden />
              <span className={`${styles.optionText} mono`}>{project}</span>
              <Check size={14} aria-hidden />
            </button>
          ) : null}
          {recent.map((p) => (
            <button key={p} type="button" className={styles.option} onClick={() => choose(p)}>
              <FolderKanban size={14} aria-hidden />
              <span className={`${styles.optionText} mono`}>{p}</span>
            </button>
          ))}
        </div>
        <form className={styles.popoverSection} onSubmit={(e) => void onSubmit(e)}>
          <label htmlFor="scope-project" className="small-caps">
            Open a project
          </label>
          <div className={styles.projectForm}>
            <TextInput
              id="scope-project"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setTypedError(null);
              }}
              aria-invalid={typedError ? true : undefined}
              aria-describedby={typedError ? 'scope-project-error' : undefined}
              placeholder="Project identity or slug"
              isMono
              autoComplete="off"
              spellCheck={false}
            />
            <Button
              type="submit"
              variant="primary"
              disabled={!typed.trim() || isChecking}
              aria-busy={isChecking}
            >
              {isChecking ? 'Checking…' : 'Open'}
            </Button>
          </div>
          {typedError ? (
            <span id="scope-project-error" role="alert" className={styles.fieldError}>
              {typedError}
            </span>
          ) : null}
          <span className={styles.hint}>
            Project scope shows only that project&apos;s keys; organisation scope shows keys outside
            any project.
          </span>
        </form>
      </PopoverContent>
    </Popover>
  );
}
