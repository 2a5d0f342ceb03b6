package org.fangfei.app.clue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Clues in a given state, built as {@link Clues} would load them, for the domain tests.
 */
final class ClueFixtures {

	static final Unit HUISHI = Unit.township("620422100000", "会师镇");

	static final Unit HEPAN = Unit.township("620422101000", "河畔镇");

	static final Unit MARKET = Unit.department(7, "县市场监管局");

	private ClueFixtures() {
	}

	/**
	 * A hotline clue (feedback expected) of 20 000 元 and 12 people in {@code state}, with
	 * what that state implies: a handler (会师镇, with 县市场监管局 assisting) once dispatched, a
	 * determination once determined, feedback given once closed.
	 * @param withMeasure whether a disposal measure was already recorded (from DISPOSING
	 * on)
	 */
	static Clue clueIn(ClueState state, boolean withMeasure) {
		boolean dispatched = EnumSet
			.of(ClueState.DISPATCHED, ClueState.VERIFYING, ClueState.ASSESSING, ClueState.DISPUTED, ClueState.DISPOSING,
					ClueState.FEEDBACK, ClueState.CLOSED)
			.contains(state);
		boolean determined = EnumSet.of(ClueState.DISPUTED, ClueState.DISPOSING, ClueState.FEEDBACK, ClueState.CLOSED)
			.contains(state);
		boolean measured = withMeasure
				&& EnumSet.of(ClueState.DISPOSING, ClueState.FEEDBACK, ClueState.CLOSED).contains(state);
		return new Clue(1, "XS202600001", state, ClueSource.HOTLINE, about(ClueGrade.NORMAL, 2_000_000L, 12),
				dispatched ? HUISHI : null, dispatched ? List.of(MARKET) : List.of(),
				determined ? Determination.IRREGULAR : null,
				state == ClueState.DISPUTED ? Determination.IRREGULAR : null, true,
				state == ClueState.FEEDBACK || state == ClueState.CLOSED ? "已电话告知举报人" : null,
				measured ? List.of(new Clue.Measure(MeasureKind.WARNING_INTERVIEW, null)) : List.of(), 3);
	}

	static Clue clueIn(ClueState state) {
		return clueIn(state, false);
	}

	/** A clue with the given figures, ready to be determined or disposed of. */
	static Clue withFigures(ClueState state, Long amountFen, Integer people, Determination determination,
			List<Clue.Measure> measures) {
		return new Clue(2, "XS202600002", state, ClueSource.TIP, about(ClueGrade.NORMAL, amountFen, people), HUISHI,
				List.of(), determination, null, true, null, measures, 5);
	}

	/** What a test clue is about: 会师镇, with the given grade and figures. */
	static Clue.Particulars about(ClueGrade grade, Long amountFen, Integer people) {
		return new Clue.Particulars("某公司承诺高息揽储", "群众反映某公司承诺月息三分。", "620422100001", null, null, amountFen, people,
				grade);
	}

	static Set<Clue.Party> only(Clue.Party... parties) {
		EnumSet<Clue.Party> set = EnumSet.noneOf(Clue.Party.class);
		set.addAll(List.of(parties));
		return set;
	}

	static Set<Clue.Party> all() {
		return EnumSet.allOf(Clue.Party.class);
	}

	static Set<Clue.Party> allBut(Clue.Party... parties) {
		EnumSet<Clue.Party> set = EnumSet.allOf(Clue.Party.class);
		List.of(parties).forEach(set::remove);
		return set;
	}

}
