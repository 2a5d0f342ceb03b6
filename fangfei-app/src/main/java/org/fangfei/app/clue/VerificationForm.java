package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 核查报告: who went (at least two, 条例 art. 21), when, and what they found.
 *
 * @param investigators names separated by 、 , ， ; or spaces
 * @param visitedOn the day of the on-site check
 * @param findings what the check found
 */
public record VerificationForm(String investigators, LocalDate visitedOn, String findings) {

	List<String> investigatorList() {
		return this.investigators == null ? List.of() : Arrays.asList(this.investigators.split("[、,，;；\\s]+"));
	}

}
