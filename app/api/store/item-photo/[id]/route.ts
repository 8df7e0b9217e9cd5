/**
 * An item's photo, for people of the item's village whose role may see the store (anyone else of
 * another village: 404). The page links it with ?v=<updatedAt>, so a changed photo gets a new
 * address and the old one may be cached long.
 */
import { route } from "@/server/http/route";
import { DomainError } from "@/server/lib/errors";
import { itemPhoto } from "@/server/modules/store/item.service";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("item.photo", async ({ deps, actor, params }) => {
  const photo = params.id.length > 40 ? null : await itemPhoto(deps, actor, params.id);
  if (!photo) throw new DomainError("NOT_FOUND");
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.type,
      "Cache-Control": "private, max-age=604800, immutable",
      "Last-Modified": photo.updatedAt.toUTCString(),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
