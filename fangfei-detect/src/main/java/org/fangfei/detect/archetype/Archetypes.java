package org.fangfei.detect.archetype;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code generate --generator archetypes}: a county's ordinary traffic with planted
 * schemes modelled on documented cases and legitimate look-alikes of the same shapes,
 * written independently of the detector's rules (see {@code docs/detector.md},
 * "Independent archetypes"). Writes the transfers CSV {@code scan} reads and a truth file
 * {@code account,class,type,group,start,role} naming every account. Deterministic per
 * seed.
 */
public final class Archetypes {

	/** The scheme archetypes, as written in the truth file's {@code type}. */
	public static final List<String> SCHEMES = List.of("PONZI_GROWTH", "TWO_ACCOUNT", "RUN_OFF", "ELDER_CARE",
			"COOP_DEPOSIT", "CONSUMER_REBATE", "MUTUAL_AID_MATRIX", "CRYPTO_MINING");

	/** The look-alike kinds, as written in the truth file's {@code type}. */
	public static final List<String> LOOK_ALIKES = List.of("COOP_DIVIDEND", "ROTATING_SAVINGS", "MEDICAL_CROWDFUNDING",
			"GROUP_BUYING", "WEDDING_GIFTS", "FUNERAL_GIFTS", "CLASS_FUND", "TEMPLE", "CHURCH", "EMPLOYEE_SHARES");

	/** The truth file's header. */
	public static final String TRUTH_HEADER = "account,class,type,group,start,role";

	private Archetypes() {
	}

	/**
	 * Generates the files.
	 * @param people number of people in the county (at least 2,000)
	 * @param days days from 2024-01-01 (120 to 366)
	 * @param seed the seed: same seed, same bytes
	 * @param transfers the transfers CSV (gzip when the name ends in .gz)
	 * @param truth the truth CSV
	 * @return the number of transfers written
	 */
	public static long write(int people, int days, long seed, Path transfers, Path truth) throws IOException {
		if (people < 2000) {
			throw new IllegalArgumentException("--people must be at least 2000, was " + people);
		}
		if (days < 120 || days > 366) {
			throw new IllegalArgumentException("--days must be 120 to 366, was " + days);
		}
		Town town = new Town(people, days, seed);
		plantSchemes(town);
		plantLookAlikes(town);
		new Everyday(town).run();
		long rows = town.ledger.writeTransfers(transfers, (long) days * Ledger.DAY);
		town.ledger.writeTruth(truth);
		return rows;
	}

	private static void plantSchemes(Town t) {
		int each = Math.max(3, t.population() / 8000);
		for (int i = 0; i < each; i++) {
			int s = t.days - 60 - 35;
			new PonziGrowth(t, i, 35 + t.rng.nextInt(s)).run();
			new TwoAccount(t, i, 35 + t.rng.nextInt(s)).run();
			new RunOff(t, i, 35 + t.rng.nextInt(s)).run();
			new ElderCare(t, i, 35 + t.rng.nextInt(s)).run();
			new CoopDeposit(t, i, 35 + t.rng.nextInt(s)).run();
			new ConsumerRebate(t, i, 35 + t.rng.nextInt(s)).run();
			new MutualAidMatrix(t, i, 35 + t.rng.nextInt(s)).run();
			new CryptoMining(t, i, 35 + t.rng.nextInt(s)).run();
		}
	}

	private static void plantLookAlikes(Town t) {
		int each = Math.max(3, t.population() / 2500);
		int late = t.days - 30;
		for (int i = 0; i < each; i++) {
			new CoopDividend(t, i, t.rng.nextInt(31)).run();
			new RotatingSavings(t, i, t.rng.nextInt(late)).run();
			new MedicalCrowdfunding(t, i, t.rng.nextInt(late)).run();
			new GroupBuying(t, i, t.rng.nextInt(late)).run();
			new FamilyEvent(t, i, t.rng.nextInt(late), true).run();
			new FamilyEvent(t, i, t.rng.nextInt(late), false).run();
			new ClassFund(t, i, t.rng.nextInt(late)).run();
			new EmployeeShares(t, i, t.rng.nextInt(21)).run();
		}
		for (int i = 0; i < Math.max(2, t.population() / 10000); i++) {
			new PlaceOfWorship(t, i, 0, true).run();
			new PlaceOfWorship(t, i, 0, false).run();
		}
	}

}
