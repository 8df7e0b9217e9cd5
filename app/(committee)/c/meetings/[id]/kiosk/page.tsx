import { MeetingKiosk } from "@/components/meetings/meeting-kiosk";

/** 会议签到屏: full screen on the secretary's phone or a tablet. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MeetingKiosk meetingId={id} />;
}
