import type { Block, Inline, LegalPage } from "~/modules/legal/pages.server.ts";

// Lays out a page built by app/modules/legal/pages.server.ts: every word comes from its loader.

function Parts({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part, index) =>
        typeof part === "string" ? (
          <span key={index}>{part}</span>
        ) : (
          <a key={index} href={part.href}>
            {part.text}
          </a>
        ),
      )}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "p":
      return (
        <p>
          <Parts parts={block.parts} />
        </p>
      );
    case "ul":
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>
              <Parts parts={item} />
            </li>
          ))}
        </ul>
      );
    case "dl":
      return (
        <dl className="legal-facts">
          {block.rows.map((row) => (
            <div key={row.term}>
              <dt>{row.term}</dt>
              <dd>
                <Parts parts={row.parts} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case "group":
      return (
        <div className="card legal-group">
          {block.blocks.map((inner, index) => (
            <BlockView key={index} block={inner} />
          ))}
        </div>
      );
  }
}

export function LegalPageView({ page }: { page: LegalPage }) {
  return (
    <div className="page page--narrow legal">
      <h1>{page.title}</h1>
      <p className="lead">
        <Parts parts={page.intro} />
      </p>
      {page.sections.map((section) => (
        <section key={section.id} aria-labelledby={`legal-${section.id}`}>
          <h2 id={`legal-${section.id}`}>{section.heading}</h2>
          {section.blocks.map((block, index) => (
            <BlockView key={index} block={block} />
          ))}
        </section>
      ))}
    </div>
  );
}
