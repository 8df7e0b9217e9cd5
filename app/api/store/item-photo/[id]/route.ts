/**
 * An item's photo, for signed-in people of the item's village (anyone else: 404). The page links it
 * with ?v=<updatedAt>, so a changed photo gets a new address and the old one may be cached long.
 */
import { currentSession } from "@/server/auth/session";
import { appDeps } from "@/server/lib/deps";
import { itemPhoto } from "@/server/modules/store/item.service";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await currentSession();
  if (session.kind !== "actor" || id.length > 40) return new Response("Not Found", { status: 404 });
  const photo = await itemPhoto(appDeps(), session.actor, id);
  if (!photo) return new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.type,
      "Cache-Control": "private, max-age=604800, immutable",
      "Last-Modified": photo.updatedAt.toUTCString(),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
