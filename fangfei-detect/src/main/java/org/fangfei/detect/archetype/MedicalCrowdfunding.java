package org.fangfei.detect.archetype;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 水滴筹 / 轻松筹: a patient's relative receives many small donations from friends and
 * strangers within two or three weeks plus the platform's payout, then pays the hospital
 * in one to three large transfers.
 */
final class MedicalCrowdfunding extends LookAlike {

	MedicalCrowdfunding(Town town, int index, int start) {
		super(town, "MEDICAL_CROWDFUNDING", index, start);
	}

	@Override
	void run() {
		int relative = organiser();
		int span = this.t.between(14, 21);
		long total = 0;
		for (int donor : this.t.sample(this.t.between(40, 400))) {
			long fen = this.t.chance(0.8) ? this.t.round(10, 200, 10) : this.t.round(200, 2_000, 100);
			this.t.pay(this.t.at(this.start + this.t.rng.nextInt(span), 7, 23), donor, relative, fen,
					this.t.oneOf("", "加油", "早日康复", "一点心意"), Channel.MOBILE);
			total += fen;
		}
		long platform = this.t.round(20_000, 200_000, 100);
		this.t.pay(this.t.at(this.start + span, 10, 16), this.t.crowdfundingPlatform, relative, platform, "筹款提现",
				Channel.ONLINE);
		int hospital = this.t.hospitals[this.t.rng.nextInt(this.t.hospitals.length)];
		int parts = this.t.between(1, 3);
		for (int k = 0; k < parts; k++) {
			this.t.pay(this.t.at(this.start + span + 1 + 7 * k, 8, 17), relative, hospital,
					Math.round((total + platform) * (0.7 + 0.3 * this.t.rng.nextDouble()) / parts), "住院费",
					Channel.COUNTER);
		}
	}

}
