"use client";

/**
 * Last-resort error page (the root layout itself failed), bilingual because the language cannot be
 * read here. Kept tiny: it ships with every page.
 */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "sans-serif", fontSize: 18, padding: 24, background: "#f6f3ee" }}>
        <h1 style={{ fontSize: 24 }}>出错了 · Something went wrong</h1>
        <p>请稍后再试。Please try again.</p>
        <button type="button" onClick={reset} style={{ minHeight: 48, padding: "0 20px", fontSize: 18 }}>
          重试 · Retry
        </button>
      </body>
    </html>
  );
}
