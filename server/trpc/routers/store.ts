import { allow, router } from "../init";
import * as items from "@/server/modules/store/item.service";
import * as pay from "@/server/modules/store/pay.service";
import * as sales from "@/server/modules/store/redeem.service";
import * as settlement from "@/server/modules/store/settlement.service";
import * as shops from "@/server/modules/store/shop.service";
import {
  ZAdjustStockInput,
  ZAssignKeeperInput,
  ZCreateShopInput,
  ZItemIdInput,
  ZItemListInput,
  ZItemSaveInput,
  ZLookupPayerInput,
  ZPeriodInput,
  ZReceiptsInput,
  ZRedeemInput,
  ZRefundInput,
  ZSetPinInput,
  ZSettleInput,
  ZStatementInput,
} from "@/server/modules/store/store.schema";
import { setOwnPin } from "@/server/modules/households/pin.service";

export const storeRouter = router({
  shops: allow("store.shops").query(({ ctx }) => shops.listShops(ctx.deps, ctx.actor)),
  createShop: allow("store.createShop")
    .input(ZCreateShopInput)
    .mutation(({ ctx, input }) => shops.createShop(ctx.deps, ctx.actor, input)),
  assignKeeper: allow("store.assignKeeper")
    .input(ZAssignKeeperInput)
    .mutation(({ ctx, input }) => shops.assignKeeper(ctx.deps, ctx.actor, input)),
  catalog: allow("store.catalog").query(({ ctx }) => items.catalog(ctx.deps, ctx.actor)),
  paymentCode: allow("store.paymentCode").query(({ ctx }) => pay.paymentCode(ctx.deps, ctx.actor)),
  lookupPayer: allow("store.lookupPayer")
    .input(ZLookupPayerInput)
    .mutation(({ ctx, input }) => pay.lookupPayer(ctx.deps, ctx.actor, input.payer)),
  redeem: allow("store.redeem")
    .input(ZRedeemInput)
    .mutation(({ ctx, input }) => sales.redeem(ctx.deps, ctx.actor, input)),
  refund: allow("store.refund")
    .input(ZRefundInput)
    .mutation(({ ctx, input }) => sales.refund(ctx.deps, ctx.actor, input)),
  receipts: allow("store.receipts")
    .input(ZReceiptsInput)
    .query(({ ctx, input }) => sales.receipts(ctx.deps, ctx.actor, input)),
  setPin: allow("store.setPin")
    .input(ZSetPinInput)
    .mutation(({ ctx, input }) => setOwnPin(ctx.deps, ctx.actor, input)),
});

export const itemRouter = router({
  list: allow("item.list")
    .input(ZItemListInput)
    .query(({ ctx, input }) => items.listItems(ctx.deps, ctx.actor, input)),
  save: allow("item.save")
    .input(ZItemSaveInput)
    .mutation(({ ctx, input }) => items.saveItem(ctx.deps, ctx.actor, input)),
  adjustStock: allow("item.adjustStock")
    .input(ZAdjustStockInput)
    .mutation(({ ctx, input }) => items.adjustStock(ctx.deps, ctx.actor, input)),
  history: allow("item.history")
    .input(ZItemIdInput)
    .query(({ ctx, input }) => items.stockHistory(ctx.deps, ctx.actor, input.itemId)),
});

export const settlementRouter = router({
  owed: allow("settlement.owed")
    .input(ZPeriodInput)
    .query(({ ctx, input }) => settlement.owed(ctx.deps, ctx.actor, input)),
  record: allow("settlement.record")
    .input(ZSettleInput)
    .mutation(({ ctx, input }) => settlement.record(ctx.deps, ctx.actor, input)),
  statement: allow("settlement.statement")
    .input(ZStatementInput)
    .query(({ ctx, input }) => settlement.statement(ctx.deps, ctx.actor, input)),
});
