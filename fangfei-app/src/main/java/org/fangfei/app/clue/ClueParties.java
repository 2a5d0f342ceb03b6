package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.shared.Actor;

/**
 * How a user stands towards clues ({@link Clue.Party}): the one policy behind the moves a
 * user may make, who may correct a clue, and the "my turn" list, so the three cannot
 * disagree.
 */
final class ClueParties {

	private ClueParties() {
	}

	/**
	 * The lead office (处非办): its staff or head, or any account of the office's unit, with
	 * the right to accept clues.
	 */
	static boolean office(Actor actor) {
		return (actor.office() || actor.hasRole("OFFICE") || actor.hasRole("OFFICE_HEAD"))
				&& actor.can("clue:clue:accept");
	}

	static boolean determiner(Actor actor) {
		return actor.can("clue:clue:determine");
	}

	static boolean closer(Actor actor) {
		return actor.can("clue:clue:close");
	}

	static boolean arbiter(Actor actor) {
		return actor.can("clue:dispute:resolve");
	}

	/** The township or department the clue is dispatched to. */
	static boolean handler(Actor actor, Unit handler) {
		if (handler == null || !actor.can("clue:clue:handle")) {
			return false;
		}
		boolean department = handler.departmentId() != null && handler.departmentId().equals(actor.departmentId());
		boolean township = handler.regionCode() != null && handler.regionCode().equals(actor.regionCode())
				&& actor.departmentId() == null;
		return department || township;
	}

	/**
	 * The actor's unit as an assisting unit is keyed ({@link Unit#key}): their
	 * department, or their township when they belong to one; null for anyone else (county
	 * offices, villages), who never assist.
	 */
	static String unitKeyOf(Actor actor) {
		if (actor.departmentId() != null) {
			return "D" + actor.departmentId();
		}
		String region = actor.regionCode();
		return region != null && JurisdictionRouting.townshipOf(region) != null
				&& JurisdictionRouting.townshipOf(region).equals(region) ? "R" + region : null;
	}

	/** The assisting unit of this clue the actor belongs to, if any. */
	static Unit assistingUnit(Actor actor, Clue clue) {
		String key = unitKeyOf(actor);
		if (key == null || !actor.can("clue:clue:handle")) {
			return null;
		}
		return clue.assisting().stream().filter(u -> u.key().equals(key)).findFirst().orElse(null);
	}

	/** How the actor stands towards this clue. */
	static Set<Clue.Party> of(Actor actor, Clue clue) {
		Set<Clue.Party> parties = EnumSet.noneOf(Clue.Party.class);
		if (office(actor)) {
			parties.add(Clue.Party.OFFICE);
		}
		if (handler(actor, clue.handler())) {
			parties.add(Clue.Party.HANDLER);
		}
		if (determiner(actor)) {
			parties.add(Clue.Party.DETERMINER);
		}
		if (closer(actor)) {
			parties.add(Clue.Party.CLOSER);
		}
		if (arbiter(actor)) {
			parties.add(Clue.Party.ARBITER);
		}
		if (assistingUnit(actor, clue) != null) {
			parties.add(Clue.Party.ASSISTANT);
		}
		return parties;
	}

	/**
	 * The clues waiting for the actor, as SQL over {@code clue c}: the states in which
	 * {@link Clue#allowed} offers the actor's parties a move, with only the branches that
	 * can hold (so the planner can use the indexes). Parameters from {@link #turnParams}.
	 */
	static String myTurn(Actor actor) {
		List<String> branches = new ArrayList<>();
		if (office(actor)) {
			branches.add("c.state in ('REGISTERED','ACCEPTED','FEEDBACK')");
		}
		if (determiner(actor)) {
			branches.add("c.state = 'ASSESSING'");
		}
		if (arbiter(actor)) {
			branches.add("c.state = 'DISPUTED'");
		}
		if (closer(actor) && !office(actor)) {
			branches.add("c.state = 'FEEDBACK'");
		}
		if (actor.can("clue:clue:handle")) {
			branches.add("(c.state in ('DISPATCHED','VERIFYING','DISPOSING') and " + (actor.departmentId() != null
					? "c.handler_department_id = :myDepartment" : "c.handler_region_code = :myRegion") + ")");
		}
		return branches.isEmpty() ? "false" : "(" + String.join(" or ", branches) + ")";
	}

	/** The parameters of {@link #myTurn} and of the scope for this actor. */
	static Map<String, Object> turnParams(Actor actor) {
		Map<String, Object> params = Clues.scopeParams(actor);
		params.put("myRegion", actor.regionCode() == null ? "" : actor.regionCode());
		return params;
	}

}
