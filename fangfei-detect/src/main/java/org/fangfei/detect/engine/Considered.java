package org.fangfei.detect.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Why an account whose flows looked like a scheme's was not flagged (考虑过但未预警的原因): the
 * look-alike guards of the rules. An account's state keeps one bit per reason, set the
 * first time a guard held back a rule; {@code scan --considered FILE} writes them and
 * {@code evaluate} counts them per look-alike kind.
 */
public enum Considered {

	/** Present from the stream's first weeks: its payers cannot be told new from old. */
	COLD_START("冷启动：账户在数据开始时已存在且历史不足观察期，新付款人无法与老客户区分，暂不判断"),

	/** Investors or new payers not above the account's own history: regular business. */
	OWN_BASELINE("出资人或新付款人数量未超过该账户自身以往水平，属正常经营往来"),

	/** A one-off burst of small payments, not growing and not passed on. */
	ONE_OFF_BURST("小额新付款人集中于一次（礼金、众筹、班费、团购首周等），既未持续增长也未被转出"),

	/** Money forwarded after a subscription window closed, no investor after it. */
	AFTER_WINDOW("资金在一次性认购或入股期之后转出，其后再无新的出资人（合作社入股、员工持股等）"),

	/** Memo words of a share subscription only (入股, 认购), none promising a return. */
	SUBSCRIPTION_WORDS("附言只有认购、入股等认购股份的字样，没有投资、理财、利息等回报承诺，属合作社入股或员工持股的正常认购"),

	/** Money back to payers above the interest share: a refund or repayment. */
	REFUND("回款超过付款人出资的设定比例，属退款或还款而非付息返利"),

	/**
	 * Gathered out days after a weeks-long window of payers had closed: a subscription
	 * paid over, not a head running while money still comes in.
	 */
	WINDOW_CLOSED("资金在持续数周的集中缴款期结束、数日无新付款人之后才一次转出，属认购款或入股金缴足后划转（员工持股、合作社入股等），而非收款高峰时卷款转移"),

	/** Small orders from payers who come back: a group buy's neighbours. */
	REPEAT_PAYERS("小额付款中相当部分来自此前付过款的老付款人（邻里反复下单），资金按订单付给供货商，属社区团购而非不断吸收新成员"),

	/** The money left after the burst had ended: gifts or donations paid to the venue. */
	BURST_OVER("资金在集中收款结束后才付出（付给酒店、殡仪馆、医院等），其后几乎没有新付款人，属一次性礼金或捐款"),

	/**
	 * Equal shares from a closed group and nothing passed on: a rotating savings round.
	 */
	EQUAL_SHARES("付款人各付完全相同的份额且资金未转给他人，属互助会（摇会）成员轮流得会的正常互助"),

	/** The large outflows predate the collection: nothing collected was passed on. */
	SPENT_BEFORE("大额转出发生在本轮集中收款开始之前，收来的钱并未被转走（班费、资料费等统一金额的代收）"),

	/**
	 * The graph stage: the people the account paid had invested in its funder, but it
	 * paid them wages before — a share plan's company and its employees.
	 */
	SHARE_PLAN_WAGES("向出资人的小额转账对象此前已领取过本账户工资：员工认购持股计划后认购款转入公司，公司向员工发工资或分红，不是一个账户收款、另一个账户付息"),

	/**
	 * Small payments of every amount and no fixed price: donations or gifts, whatever
	 * each giver chose (fourth round of issue 19).
	 */
	GIFT_AMOUNTS("小额付款金额各不相同、没有统一价格（随心捐款、礼金），不是按统一价格缴纳的入会费或份额，期间的大额转出属账户本人的日常支出（房租等）"),

	/**
	 * The run of equal fees came within a few days: a class fund collected at term start,
	 * not a stream of new members (fourth round of issue 19).
	 */
	SHORT_COLLECTION("统一金额的收款在几天之内收齐（班费、资料费等代收），不是持续不断的新成员缴纳入会费");

	private final String reason;

	Considered(String reason) {
		this.reason = reason;
	}

	/** The reason as a clerk reads it. */
	public String reason() {
		return this.reason;
	}

	int bit() {
		return 1 << ordinal();
	}

	/** The reasons of a bit set, in declaration order. */
	public static List<Considered> of(int bits) {
		List<Considered> out = new ArrayList<>();
		for (Considered c : values()) {
			if ((bits & c.bit()) != 0) {
				out.add(c);
			}
		}
		return out;
	}

}
