// Runs Mozilla Readability.js on raw sources, as the Gazette scorer's point of comparison.
//   node readability.mjs extract FILE...      one JSON object per file and line: file, title, byline, date, text
//   node readability.mjs throughput FILE...   pages per second and MB/s over the files, on this one thread
// A .txt dump is wrapped in the document a browser builds for a text/plain page.
import { readFileSync } from "node:fs";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "DT", "DD",
  "BLOCKQUOTE", "PRE", "FIGURE", "FIGCAPTION", "TABLE", "TR", "UL", "OL", "DL", "HR", "CAPTION", "HEADER", "FOOTER",
  "ASIDE", "ADDRESS"]);

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function documentOf(file, raw) {
  const html = file.endsWith(".txt")
    ? `<html><head></head><body><pre style="word-wrap: break-word; white-space: pre-wrap;">${escape(raw)}</pre></body></html>`
    : raw;
  // A silent console: page scripts do not run, and jsdom's complaints about page CSS are noise here.
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), url: "https://example.org/" + file.split("/").slice(-2).join("/") });
}

// Plain text with a blank line between blocks, so words of adjacent paragraphs never run together.
function plainText(node) {
  const out = [];
  let paragraph = "";
  const flush = () => {
    const t = paragraph.replace(/\s+/g, " ").trim();
    if (t) out.push(t);
    paragraph = "";
  };
  const walk = (n) => {
    for (const child of n.childNodes) {
      if (child.nodeType === 3) {
        paragraph += child.textContent;
      } else if (child.nodeType === 1) {
        if (child.tagName === "BR") {
          paragraph += " ";
        } else if (child.tagName === "TD" || child.tagName === "TH") {
          walk(child);
          paragraph += " ";
        } else if (BLOCKS.has(child.tagName)) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
        }
      }
    }
  };
  walk(node);
  flush();
  return out.join("\n\n");
}

function extract(file, raw) {
  const dom = documentOf(file, raw);
  const article = new Readability(dom.window.document).parse();
  if (!article) return { file, title: null, byline: null, date: null, text: "" };
  const body = new JSDOM(`<body>${article.content}</body>`).window.document.body;
  return { file, title: article.title || null, byline: article.byline || null,
    date: article.publishedTime || null, text: plainText(body) };
}

const [mode, ...files] = process.argv.slice(2);
if (mode === "extract") {
  for (const file of files) {
    let result;
    try {
      result = extract(file, readFileSync(file, "utf8"));
    } catch (e) {
      result = { file, title: null, byline: null, date: null, text: "" };
    }
    process.stdout.write(JSON.stringify(result) + "\n");
  }
} else if (mode === "throughput") {
  const sources = files.map((f) => ({ f, raw: readFileSync(f, "utf8") }));
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const once = () => { for (const s of sources) { try { extract(s.f, s.raw); } catch (e) { /* counted like any page */ } } };
  once();
  const start = process.hrtime.bigint();
  let rounds = 0;
  do { once(); rounds++; } while (Number(process.hrtime.bigint() - start) / 1e9 < 10);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const pages = ((files.length * rounds) / seconds).toFixed(1);
  const mb = ((bytes * rounds) / 1e6 / seconds).toFixed(2);
  console.log(`{"pages": ${pages}, "mbPerSecond": ${mb}}`);
} else {
  console.error("usage: node readability.mjs extract|throughput FILE...");
  process.exit(2);
}
