// Render the peer template N times in this process and print the median time per document.
// Usage: node render.js TEMPLATE.docx DATA.json N [OUT.docx]
// Each render is what docxtemplater does per document: unzip, compile, render, zip. It has no
// compiled template to reuse across documents (a Docxtemplater renders once).
"use strict";
const fs = require("fs");
const path = require("path");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const expressionParser = require("docxtemplater/expressions.js");

const [template, dataPath, repeatArg, out] = process.argv.slice(2);
const content = fs.readFileSync(template);
const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const repeat = Number(repeatArg) || 1;
const parser = expressionParser.configure({
  filters: {
    lower: (s) => (s == null ? s : String(s).toLowerCase()),
    // our |gemen: a name in running text, first letter lower case unless an abbreviation
    gemen: (s) => (s == null || /^.[A-ZÅÄÖ]/.test(String(s)) ? s
      : String(s).charAt(0).toLowerCase() + String(s).slice(1)),
  },
});

function render() {
  const doc = new Docxtemplater(new PizZip(content), {
    paragraphLoop: true, // a {#loop} alone in its paragraph drops the paragraph, as docxtpl's {%p %}
    linebreaks: true, // "\n" in data becomes a line break, as in ours
    parser,
    nullGetter: () => "",
  });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

let document = render(); // warm: modules loaded, code compiled by the JIT
const samples = [];
for (let i = 0; i < repeat; i++) {
  const start = process.hrtime.bigint();
  document = render();
  samples.push(Number(process.hrtime.bigint() - start) / 1e6);
}
samples.sort((a, b) => a - b);
const mid = Math.floor(samples.length / 2);
const median = samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
if (out) fs.writeFileSync(out, document);
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "node_modules", "docxtemplater", "package.json"), "utf8"));
console.log(JSON.stringify({ ms: median, version: pkg.version, node: process.version }));
