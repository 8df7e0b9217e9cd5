import "server-only";
/**
 * Notice text is Markdown, turned into HTML here on the server and nowhere else (a villager's phone
 * downloads no Markdown library). Two locks, either enough alone for the common attacks:
 * markdown-it with `html: false` (raw HTML is shown as text) and images switched off (an outside
 * image would tell its host who read the notice, and when), then sanitize-html with an allow-list
 * of plain text tags: no attributes except a link's href, and only http/https links.
 */
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false }).disable(["image"]);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "s", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
  ],
  // rel/target are what transformTags adds; sanitize-html still checks each href's scheme afterwards
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Links leave the app in a new tab and tell the other site nothing about who followed them.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href ? { href: attribs.href, rel: "nofollow noopener noreferrer", target: "_blank" } : ({} as sanitizeHtml.Attributes),
    }),
  },
};

/** The notice's Markdown as HTML that is safe to put in the page as it is. */
export function renderNotice(markdown: string): string {
  return sanitizeHtml(md.render(markdown), SANITIZE);
}
