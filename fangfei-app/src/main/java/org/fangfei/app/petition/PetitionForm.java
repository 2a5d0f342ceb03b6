package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * A petition as registered, by the form and the API alike.
 *
 * @param petitionersCount how many people came or signed (collective at five)
 * @param petitioners the petitioners named (representatives of a collective petition)
 */
record PetitionForm(Channel channel, LocalDate receivedOn, String regionCode, String sectorCode,
		LevelReached levelReached, Integer petitionersCount, Long caseId, Long subjectId, String request,
		List<Petitioner> petitioners) {

	/** One petitioner: name, and optionally ID number and phone (kept encrypted). */
	record Petitioner(String name, String idNumber, String phone) {
	}

	static PetitionForm blank() {
		return new PetitionForm(Channel.VISIT, null, "", "", LevelReached.COUNTY, 1, null, null, "",
				List.of(new Petitioner("", "", "")));
	}

}
