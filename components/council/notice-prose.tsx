/**
 * A notice's text as the server rendered and sanitized it (server/modules/council/notice.render.ts):
 * the HTML holds only plain text tags and http(s) links, so it goes into the page as it is. Large
 * type for reading on a phone; long words and links wrap instead of widening a 360 px screen.
 */
export function NoticeProse({ html, testId }: { html: string; testId?: string }) {
  return (
    <div
      className="break-words text-lg leading-relaxed text-stone-900 [&_a]:text-brand [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_h1]:mt-3 [&_h1]:text-2xl [&_h1]:font-bold [&_h2]:mt-3 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mt-2 [&_h3]:text-lg [&_h3]:font-bold [&_li]:my-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_pre]:overflow-x-auto [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-stone-300 [&_td]:px-2 [&_th]:border [&_th]:border-stone-300 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-6"
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
