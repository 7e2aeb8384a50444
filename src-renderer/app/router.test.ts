import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router.js';

describe('hash routes of the general assemblies', () => {
  it('read and write the assembly views, the building tab and the projector', () => {
    const routes: [string, Route][] = [
      ['#/buildings/3/assemblies', { name: 'building', id: 3, tab: 'assemblies' }],
      ['#/assemblies/7', { name: 'assembly', id: 7, view: 'prepare' }],
      ['#/assemblies/7/meeting', { name: 'assembly', id: 7, view: 'meeting' }],
      ['#/assemblies/7/signatures', { name: 'assembly', id: 7, view: 'signatures' }],
      ['#/projector/7/a1B2c3D4e5F6g7H8-_x', { name: 'projector', assemblyId: 7, key: 'a1B2c3D4e5F6g7H8-_x' }],
    ];
    for (const [hash, route] of routes) {
      expect(parseRoute(hash)).toEqual(route);
      expect(routeHref(route)).toBe(hash);
    }
  });

  it('refuse what is not one: unknown views fall back to the preparation, bad keys and ids to "not found"', () => {
    expect(parseRoute('#/assemblies/7/whatever')).toEqual({ name: 'assembly', id: 7, view: 'prepare' });
    expect(parseRoute('#/assemblies/x')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/projector/7/short')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/projector/7/<script>alert(1)</script>aaaaaaaa')).toEqual({ name: 'notFound' });
  });
});

describe('hash routes of the bank screens', () => {
  it('read and write the views, with or without a building', () => {
    const routes: [string, Route][] = [
      ['#/bank', { name: 'bank', view: 'reconcile' }],
      ['#/bank?building=12', { name: 'bank', view: 'reconcile', buildingId: 12 }],
      ['#/bank/import', { name: 'bank', view: 'import' }],
      ['#/bank/reminders?building=3', { name: 'bank', view: 'reminders', buildingId: 3 }],
      ['#/bank/sepa?building=3', { name: 'bank', view: 'sepa', buildingId: 3 }],
    ];
    for (const [hash, route] of routes) {
      expect(parseRoute(hash)).toEqual(route);
      expect(routeHref(route)).toBe(hash);
    }
  });

  it('refuse unknown views and ignore a building id that is not one', () => {
    expect(parseRoute('#/bank/whatever')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/bank/import/3')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/bank?building=-1')).toEqual({ name: 'bank', view: 'reconcile' });
  });
});
