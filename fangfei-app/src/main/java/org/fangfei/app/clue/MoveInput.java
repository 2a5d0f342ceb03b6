package org.fangfei.app.clue;

import java.io.Serializable;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a workflow move may carry, from the clue page's forms or the JSON API; which
 * fields matter depends on the move. {@code version} is the clue's version as the user
 * last saw it: if someone changed the clue since, the move is refused (409) and nothing
 * is written. {@code amount} is a measure's amount, or the amount a verification found;
 * {@code peopleCount} the participants a verification found; {@code assist} the assisting
 * units of a dispatch (their keys, as {@code unit}).
 */
public record MoveInput(int version, String note, String unit, Determination determination, String investigators,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn, String findings, Boolean reopen,
		String target, MeasureKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn,
		String docNumber, String amount, String result, Integer peopleCount,
		java.util.List<String> assist) implements Serializable {
}
