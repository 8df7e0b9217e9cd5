import { MeetingCardPage } from "@/components/meetings/card-page";

/** 凭户卡登记到会 (secretary). */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MeetingCardPage meetingId={id} back="/c/meetings" />;
}
