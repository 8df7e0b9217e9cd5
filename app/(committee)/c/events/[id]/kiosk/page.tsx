import { Kiosk } from "@/components/events/kiosk";

/** 签到大屏: full screen on the organiser's phone or a tablet. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <Kiosk eventId={id} />;
}
