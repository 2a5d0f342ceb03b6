package org.fangfei.detect.engine;

import org.fangfei.detect.io.Formats;

import static org.fangfei.detect.io.Formats.time;
import static org.fangfei.detect.io.Formats.yuan;

/**
 * The Chinese explanations a clerk reads (amounts and times written as in the files, by
 * {@link Formats}).
 */
final class Texts {

	private Texts() {
	}

	private static String pct(double share) {
		return Math.round(share * 100) + "%";
	}

	private static String num(double v) {
		return (v == Math.rint(v)) ? Long.toString((long) v) : String.format("%.1f", v);
	}

	static String scatter(DetectorConfig c, AccountState s, Leg leg, long out, double outShare, double baseline,
			String bigTx, String bigPayee, long bigFen, long first) {
		StringBuilder b = new StringBuilder();
		b.append("分散转入集中转出：自")
			.append(time(first))
			.append("起")
			.append(c.scatterWindowDays)
			.append("天内收到")
			.append(s.scatterDistinct())
			.append("个不同付款人的")
			.append(s.scatterCount())
			.append("笔转入，合计")
			.append(yuan(s.scatterInFen()))
			.append("元（不同付款人≥")
			.append(c.scatterMinPayers)
			.append("）；其中首次往来的付款人")
			.append(s.scatterNew())
			.append("个，占")
			.append(pct((double) s.scatterNew() / Math.max(1, s.scatterDistinct())))
			.append("（阈值")
			.append(pct(c.scatterMinNewShare))
			.append("），单笔≥")
			.append(yuan(c.scatterBigTicketFen))
			.append("元的转入占")
			.append(pct((double) s.scatterBig() / s.scatterCount()))
			.append("（阈值")
			.append(pct(c.scatterMinBigTicketShare))
			.append("）");
		if (baseline >= 0) {
			b.append("；该账户以往每").append(c.scatterWindowDays).append("天平均新增付款人").append(num(baseline)).append("个");
		}
		b.append("。随后")
			.append(s.outN())
			.append("笔大额转出合计")
			.append(yuan(out))
			.append("元，占上述转入的")
			.append(pct(outShare))
			.append("（阈值")
			.append(pct(c.scatterMinOutShare))
			.append("）；最大一笔为交易")
			.append(bigTx)
			.append("，转给")
			.append(bigPayee)
			.append(' ')
			.append(yuan(bigFen))
			.append("元；触发交易")
			.append(leg.txId())
			.append("（")
			.append(time(leg.time))
			.append("）。");
		return b.toString();
	}

	static String surge(DetectorConfig c, AccountState s, Leg leg, double baseline, double share, int history) {
		return "新增交易对手激增：近" + c.surgeWindowDays + "天新增付款人" + s.surgeNew() + "个（阈值≥" + c.surgeMinNewPayers + "），是该账户以往"
				+ history + "天平均水平（每" + c.surgeWindowDays + "天" + num(baseline) + "个）的"
				+ num(s.surgeNew() / Math.max(baseline, 0.5)) + "倍（阈值" + num(c.surgeRatio) + "倍）；这些天的" + s.surgeCount()
				+ "笔转入中来自新付款人的占" + pct(share) + "（阈值" + pct(c.surgeMinNewShare) + "），转入合计" + yuan(s.surgeInFen())
				+ "元；触发交易" + leg.txId() + "（" + time(leg.time) + "，来自" + leg.counterparty() + "，" + yuan(leg.amountFen)
				+ "元）。";
	}

	static String memo(DetectorConfig c, Leg leg, int payers, int tx, long fen, String words) {
		return "集资类附言：约" + c.memoWindowDays + "天内" + payers + "个不同付款人（此前均未收到过本账户转账，排除还款）的转入附言含“" + words + "”，共" + tx
				+ "笔、合计" + yuan(fen) + "元（阈值：不同付款人≥" + c.memoMinPayers + "）；触发交易" + leg.txId() + "（" + time(leg.time)
				+ "，来自" + leg.counterparty() + "，附言“" + ((leg.memo == null) ? "" : leg.memo) + "”）。";
	}

	static String batch(DetectorConfig c, AccountState s, Leg leg, int batches, double mean, double worst,
			double overlap, double repeat, double annual) {
		return "定期批量小额转出：连续" + batches + "批小额转出（每笔≤" + yuan(c.batchMaxPayoutFen) + "元，每批≥" + c.batchMinPayees
				+ "笔），平均间隔" + num(Math.round(mean * 10) / 10.0) + "天，最大偏差" + num(Math.round(worst * 10) / 10.0) + "天（容差"
				+ pct(c.batchIntervalTolerance) + "），各批笔数相差不超过" + num(c.batchMaxSizeRatio) + "倍；本批收款人中上一批也收到过款的占"
				+ pct(repeat) + "（阈值" + pct(c.batchMinRepeatShare) + "）；收款人中此前向本账户转入过资金、且本次金额不超过其转入额"
				+ pct(c.batchMaxReturnShare) + "的占" + pct(overlap) + "（阈值" + pct(c.batchMinOverlap) + "），按其转入本金折算年化回报约"
				+ pct(annual) + "（阈值" + pct(c.batchMinAnnualYield) + "），具有“付息返利”特征；本批已" + s.batchCount() + "笔、合计"
				+ yuan(s.batchFen()) + "元，触发交易" + leg.txId() + "（" + time(leg.time) + "，转给" + leg.counterparty() + "）。";
	}

	static String payback(DetectorConfig c, Leg leg, int investors, long invested, long in, int returns) {
		return "向出资人返本付息：约" + c.investWindowDays + "天内" + investors + "个首次往来的付款人各转入≥" + yuan(c.investMinTicketFen)
				+ "元，合计" + yuan(invested) + "元（占全部转入" + yuan(in) + "元的" + pct((double) invested / Math.max(1, in))
				+ "；阈值：出资人≥" + c.paybackMinInvestors + "个）；其间本账户首次向其中" + returns + "个出资人小额转账（各为其出资的"
				+ pct(c.paybackMinReturnShare) + "–" + pct(c.paybackMaxReturnShare) + "，折合年化≥"
				+ pct(c.paybackMinAnnualYield) + "，阈值≥" + c.paybackMinReturns + "个），具有“借新还旧、付息返利”特征，与附言无关；触发交易"
				+ leg.txId() + "（" + time(leg.time) + "，转给" + leg.counterparty() + "，" + yuan(leg.amountFen) + "元）。";
	}

	static String collect(DetectorConfig c, Leg leg, int investors, long invested, long in, long out) {
		return "吸收资金后集中转出：约" + c.investWindowDays + "天内" + investors + "个首次往来的付款人各转入≥" + yuan(c.investMinTicketFen)
				+ "元，合计" + yuan(invested) + "元（占全部转入" + yuan(in) + "元的" + pct((double) invested / Math.max(1, in))
				+ "；阈值：出资人≥" + c.collectMinInvestors + "个）；其间转给从未向本账户付款的账户的大额资金合计" + yuan(out) + "元，占出资额的"
				+ pct((double) out / Math.max(1, invested)) + "（阈值" + pct(c.collectMinOutShare) + "），转出后仍有新的出资人转入；触发交易"
				+ leg.txId() + "（" + time(leg.time) + (leg.inflow ? "，来自" : "，转给") + leg.counterparty() + "，"
				+ yuan(leg.amountFen) + "元）。";
	}

	static String runOff(DetectorConfig c, Leg leg, int investors, long invested, long in, long out) {
		return "吸收资金后集中转出（收款高峰时转走）：约" + c.investWindowDays + "天内" + investors + "个首次往来的付款人各转入≥"
				+ yuan(c.investMinTicketFen) + "元，合计" + yuan(invested) + "元（占全部转入" + yuan(in) + "元的"
				+ pct((double) invested / Math.max(1, in)) + "；阈值：出资人≥" + c.collectMinInvestors + "个）；新付款人仍在增加时，"
				+ yuan(out) + "元（占出资额的" + pct((double) out / Math.max(1, invested)) + "，阈值" + pct(c.runoffMinOutShare)
				+ "）大额转给从未向本账户付款的账户；触发交易" + leg.txId() + "（" + time(leg.time) + "，转给" + leg.counterparty() + "，"
				+ yuan(leg.amountFen) + "元）。";
	}

	static String relay(DetectorConfig c, AccountState s, Leg leg, double baseline, long in, long out) {
		return "吸收资金后集中转出（持续收取新付款人款项并转出）：近" + c.scatterWindowDays + "天" + s.scatterCount() + "笔转入中" + s.scatterNew()
				+ "个付款人为首次往来（阈值≥" + c.relayMinNewPayers + "个、占比≥" + pct(c.relayMinNewShare) + "），最近"
				+ AccountRecord.unitRun(s.unit()) + "笔转入金额完全相同（" + yuan(AccountRecord.unitFen(s.unit()))
				+ "元，统一价格的入会费或份额，阈值≥" + c.relayMinUnitRun + "笔），是该账户以往平均水平（每" + c.scatterWindowDays + "天"
				+ num(Math.round(baseline * 10) / 10.0) + "个）的" + num(c.relayGrowth) + "倍以上；约" + c.investWindowDays
				+ "天内转入" + yuan(in) + "元，其中" + yuan(out) + "元（" + pct((double) out / Math.max(1, in)) + "，阈值"
				+ pct(c.relayMinOutShare) + "）已大额转给从未向本账户付款的账户，且转出后仍不断有新付款人转入；触发交易" + leg.txId() + "（" + time(leg.time)
				+ "，来自" + leg.counterparty() + "，" + yuan(leg.amountFen) + "元）。";
	}

}
