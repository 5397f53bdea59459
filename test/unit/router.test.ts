import { expect } from '@open-wc/testing';
import { hrefFor, parseHash } from '../../src/app/router.js';

describe('router', () => {
  it('opens home on an empty hash or #/', () => {
    expect(parseHash('').page).to.equal('home');
    expect(parseHash('#').page).to.equal('home');
    expect(parseHash('#/').page).to.equal('home');
  });

  it('opens each page by its hash, with or without a trailing slash', () => {
    for (const page of ['directory', 'playbook', 'log', 'room', 'settings'] as const) {
      expect(parseHash(`#/${page}`).page).to.equal(page);
      expect(parseHash(`#/${page}/`).page).to.equal(page);
      expect(parseHash(hrefFor(page)).page).to.equal(page);
    }
    expect(parseHash(hrefFor('home')).page).to.equal('home');
  });

  it('keeps the query of a route', () => {
    const route = parseHash('#/directory?q=mairie&role=technique');
    expect(route.page).to.equal('directory');
    if (route.page === 'not-found') throw new Error('unreachable');
    expect(route.params.get('q')).to.equal('mairie');
    expect(route.params.get('role')).to.equal('technique');
  });

  it('says "not found" for an unknown address instead of silently showing home', () => {
    expect(parseHash('#/nowhere').page).to.equal('not-found');
    expect(parseHash('#/directory/extra').page).to.equal('not-found');
    expect(parseHash('#directory').page).to.equal('not-found');
  });
});
