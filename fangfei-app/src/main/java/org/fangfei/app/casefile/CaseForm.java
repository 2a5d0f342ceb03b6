package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Registering a case (directly, or from a clue waiting to be opened): what it is about
 * and the stage it stands at, with that stage's document. Amounts are yuan text, read by
 * {@code Money}.
 *
 * @param clueId the determined clue it comes from, or null for a case registered directly
 * @param criminalFiledOn the criminal filing date of a case registered past 立案
 */
record CaseForm(Long clueId, String title, CaseOrigin origin, CasePath path, CaseStage stage,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stageOn, String docNumber, String unit,
		String regionCode, String sectorCode, String schemeCode, String amountRaised, Integer participantsCount,
		String directLoss, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate criminalFiledOn,
		List<Long> subjectIds, List<String> involvedRegions) {

	CaseForm {
		subjectIds = subjectIds == null ? List.of() : subjectIds.stream().filter(java.util.Objects::nonNull).toList();
		involvedRegions = involvedRegions == null ? List.of()
				: involvedRegions.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
	}

	static CaseForm blank() {
		return new CaseForm(null, "", CaseOrigin.ASSIGNED, CasePath.CRIMINAL, CaseStage.FILED, LocalDate.now(), "", "",
				"", "", "", "", null, "", null, List.of(), List.of());
	}

}
