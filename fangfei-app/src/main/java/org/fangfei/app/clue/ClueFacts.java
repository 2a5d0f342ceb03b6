package org.fangfei.app.clue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about one clue, when an event did not carry it (a tip whose
 * clue was merged into another learns where the other stands). Not scoped: it serves
 * modules acting for the system, never a user's request, and tells nothing of the
 * informant.
 */
@Service
public class ClueFacts {

	/**
	 * A clue as other modules see it.
	 *
	 * @param confirmed determined more than "not illegal" (认定属实) and not in dispute
	 * @param subjectIds the ledger's subjects linked to the clue (those of clues merged
	 * into it included)
	 * @param determinedAt when it was last determined (认定) or ruled on (裁决); null when
	 * never
	 */
	public record Facts(long id, String code, ClueProgress progress, boolean confirmed, ClueGrade grade, Long amountFen,
			OffsetDateTime receivedAt, int version, List<Long> subjectIds, OffsetDateTime determinedAt) {
	}

	private final JdbcClient jdbc;

	ClueFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<Facts> of(long clueId) {
		List<Long> subjects = this.jdbc
			.sql("select subject_id from clue_subject where clue_id = :id order by subject_id")
			.param("id", clueId)
			.query(Long.class)
			.list();
		return this.jdbc.sql("""
				select c.id, c.code, c.state, c.determination, c.grade, c.amount_fen, c.received_at, c.version,
				  (select max(e.occurred_at) from clue_event e where e.clue_id = c.id and e.kind in ('认定', '裁决'))
				    as determined_at
				from clue c where c.id = :id
				""").param("id", clueId).query((rs, n) -> {
			ClueState state = ClueState.valueOf(rs.getString("state"));
			String determination = rs.getString("determination");
			return new Facts(rs.getLong("id"), rs.getString("code"), state.progress(),
					confirmed(state, determination == null ? null : Determination.valueOf(determination)),
					ClueGrade.valueOf(rs.getString("grade")), rs.getObject("amount_fen", Long.class),
					rs.getObject("received_at", OffsetDateTime.class), rs.getInt("version"), subjects,
					rs.getObject("determined_at", OffsetDateTime.class));
		}).optional();
	}

	/** 认定属实: determined more than "not illegal", and the determination stands. */
	static boolean confirmed(ClueState state, Determination determination) {
		return determination != null && determination.needsDisposal() && state != ClueState.DISPUTED;
	}

}
