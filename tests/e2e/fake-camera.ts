/**
 * Chromium's fake camera for the specs that scan QR codes (STACK.md, "Testing camera QR scanning"):
 * launched with `--use-file-for-fake-video-capture=<file.y4m>` it plays that video, looping, and reads
 * the file when a page starts the camera, so a test may rewrite it before each scan.
 */
import QRCode from "qrcode";

/** Launch arguments of a Chromium whose camera plays `video` (and never asks for permission). */
export function fakeCameraArgs(video: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`,
  ];
}

/** The luma plane (W×H bytes) of a frame showing the QR of `text`: 0 for modules, 255 elsewhere. */
function qrLuma(text: string, W: number, H: number): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const scale = Math.floor((Math.min(W, H) * 0.8) / (n + 8));
  const ox = Math.floor((W - (n + 8) * scale) / 2) + 4 * scale;
  const oy = Math.floor((H - (n + 8) * scale) / 2) + 4 * scale;
  const luma = Buffer.alloc(W * H, 255);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let dy = 0; dy < scale; dy++) {
          const row = (oy + r * scale + dy) * W;
          luma.fill(0, row + ox + c * scale, row + ox + (c + 1) * scale);
        }
  return luma;
}

/**
 * A Y4M video (4:2:0, 10 frames a second, chroma 128) showing the QR of each text in turn for
 * `frames` frames, each followed by `blankFrames` empty white frames. As the camera loops it, a
 * queue of cards passes in front of it, each held up, taken away, and (at the next loop) shown again.
 */
export function y4m(texts: string | string[], opts: { width?: number; height?: number; frames?: number; blankFrames?: number } = {}): Buffer {
  const { width: W = 640, height: H = 480, frames = 10, blankFrames = 0 } = opts;
  const blank = Buffer.alloc(W * H, 255);
  const chroma = Buffer.alloc((W * H) / 2, 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const text of typeof texts === "string" ? [texts] : texts) {
    const luma = qrLuma(text, W, H);
    for (let i = 0; i < frames; i++) parts.push(Buffer.from("FRAME\n"), luma, chroma);
    for (let i = 0; i < blankFrames; i++) parts.push(Buffer.from("FRAME\n"), blank, chroma);
  }
  return Buffer.concat(parts);
}
