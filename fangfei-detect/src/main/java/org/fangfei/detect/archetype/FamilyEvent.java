package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 份子钱: guests of a wedding (60–300, 200–2,000 yuan within a week around the day) or
 * relatives and neighbours at a funeral (40–200, 100–1,000 within 3–5 days); the family
 * pays the hotel, a dealer or the funeral home.
 */
final class FamilyEvent extends LookAlike {

	private final boolean wedding;

	FamilyEvent(Town town, int index, int start, boolean wedding) {
		super(town, wedding ? "WEDDING_GIFTS" : "FUNERAL_GIFTS", index, start);
		this.wedding = wedding;
	}

	@Override
	void run() {
		int host = organiser();
		List<Integer> guests = this.wedding ? this.t.sample(this.t.between(60, 300))
				: this.t.neighbours(this.t.between(40, 200));
		long total = 0;
		for (int g : guests) {
			long fen = this.wedding ? this.t.gift(200, 2_000) : this.t.gift(100, 1_000);
			int day = this.wedding ? this.start + this.t.between(0, 6) : this.start + this.t.between(0, 4);
			this.t.pay(this.t.at(day, 7, 23), g, host, fen,
					this.wedding ? this.t.oneOf("", "新婚快乐", "份子钱", "百年好合") : this.t.oneOf("", "节哀", "奠仪"),
					Channel.MOBILE);
			total += fen;
		}
		int end = this.start + (this.wedding ? 6 : 4);
		int venue = this.wedding ? this.t.hotels[this.t.rng.nextInt(this.t.hotels.length)]
				: this.t.funeralHomes[this.t.rng.nextInt(this.t.funeralHomes.length)];
		this.t.pay(this.t.at(end + 1, 9, 17), host, venue, Math.round(total * (0.4 + 0.3 * this.t.rng.nextDouble())),
				this.wedding ? "婚宴" : "丧葬费", Channel.COUNTER);
		if (this.wedding && this.t.chance(0.5)) {
			this.t.pay(this.t.at(end + this.t.between(3, 20), 9, 17), host,
					this.t.dealers[this.t.rng.nextInt(this.t.dealers.length)], Math.round(total * 0.5), "购车款",
					Channel.COUNTER);
		}
	}

}
