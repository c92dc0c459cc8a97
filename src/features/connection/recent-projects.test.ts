import { beforeEach, describe, expect, it } from 'vitest';
import { connectionStore } from './connection-store';
import { forgetProjects, recentProjects, rememberProject } from './recent-projects';

describe('recent projects', () => {
  beforeEach(() => {
    forgetProjects();
    connectionStore.set({ baseUrl: '', token: 'test-token', organisation: 'org-a' });
  });

  it('lists projects per organisation, most recent first, without duplicates', () => {
    rememberProject('org-a', 'web');
    rememberProject('org-a', 'ci');
    rememberProject('org-b', 'other');
    rememberProject('org-a', 'web');
    expect(recentProjects('org-a')).toEqual(['web', 'ci']);
    expect(recentProjects('org-b')).toEqual(['other']);
    expect(localStorage.length).toBe(0);
  });

  it('keeps at most six per organisation', () => {
    for (let i = 0; i < 9; i++) rememberProject('org', `p${i}`);
    expect(recentProjects('org')).toEqual(['p8', 'p7', 'p6', 'p5', 'p4', 'p3']);
  });

  it('survives garbage in storage and can be forgotten', () => {
    sessionStorage.setItem('kms.recentProjects', '{not json');
    expect(recentProjects('org')).toEqual([]);
    rememberProject('org', 'x');
    forgetProjects();
    expect(recentProjects('org')).toEqual([]);
  });

  it('remembers nothing once signed out (an answer landing after sign-out leaves no trace)', () => {
    rememberProject('org-a', 'web');
    connectionStore.clear();
    forgetProjects();
    rememberProject('org-a', 'late');
    expect(recentProjects('org-a')).toEqual([]);
    expect(sessionStorage.getItem('kms.recentProjects')).toBeNull();
  });
});
