import { MeetingCardPage } from "@/components/meetings/card-page";

/** 凭户卡登记到会 (grid worker, households of their grid). */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MeetingCardPage meetingId={id} back="/g/meetings" />;
}
