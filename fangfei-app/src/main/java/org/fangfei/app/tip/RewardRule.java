package org.fangfei.app.tip;

import org.fangfei.app.shared.Money;

/**
 * How much a verified tip earns in a jurisdiction (举报奖励标准): fixed amounts by clue grade,
 * or a per-mille of the amount involved kept between a floor and a cap. The rule with the
 * longest region prefix covering the tip's place applies; the empty prefix is the
 * default.
 */
record RewardRule(String regionPrefix, Mode mode, Long normalFen, Long majorFen, Integer perMille, Long floorFen,
		Long capFen) {

	enum Mode {

		TIERS, PER_MILLE

	}

	/**
	 * The amount for a clue of this grade and amount involved (fen, may be null when not
	 * known: then the floor).
	 */
	long amountFen(boolean major, Long involvedFen) {
		if (this.mode == Mode.TIERS) {
			return nz(major ? this.majorFen : this.normalFen);
		}
		long value = involvedFen == null ? 0 : Math.multiplyExact(involvedFen, (long) nz(this.perMille)) / 1000;
		value = Math.max(value, nz(this.floorFen));
		return this.capFen == null ? value : Math.min(value, this.capFen);
	}

	String basis(boolean major, Long involvedFen) {
		if (this.mode == Mode.TIERS) {
			return (major ? "重大线索" : "一般线索") + "固定奖励";
		}
		return "涉案金额" + (involvedFen == null ? "不详" : Money.yuan(involvedFen) + "元") + "的千分之" + nz(this.perMille)
				+ "，最低" + Money.yuan(nz(this.floorFen)) + "元"
				+ (this.capFen == null ? "" : "，最高" + Money.yuan(this.capFen) + "元");
	}

	private static long nz(Long v) {
		return v == null ? 0 : v;
	}

	private static int nz(Integer v) {
		return v == null ? 0 : v;
	}

}
