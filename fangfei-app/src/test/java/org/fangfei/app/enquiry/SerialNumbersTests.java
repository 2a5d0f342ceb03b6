package org.fangfei.app.enquiry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The both-sides check's serial numbers, held as hashes: a hash seen before is confirmed
 * against the exact keys, so a collision never makes a new transfer count as seen.
 */
class SerialNumbersTests {

	static SerialNumbers.Key k(String serial, long fen) {
		return new SerialNumbers.Key(serial, fen);
	}

	/** The indexes set in the answer. */
	static List<Integer> repeated(SerialNumbers numbers, Set<SerialNumbers.Key> stored, List<SerialNumbers.Key> asked,
			SerialNumbers.Key... keys) {
		return numbers.repeated(Arrays.asList(keys), (question) -> {
			asked.addAll(question);
			return question.stream().filter(stored::contains).collect(Collectors.toSet());
		}).stream().boxed().toList();
	}

	@Test
	void whenEveryKeyHashesAlikeOnlyTheExactKeysSeenAreRepeated() {
		SerialNumbers numbers = new SerialNumbers((key) -> 7L);
		numbers.loaded(k("S1", 100));
		List<SerialNumbers.Key> asked = new ArrayList<>();
		// S1/100 is stored; S1/200 and S2/100 only collide; S2/100 again in the chunk
		// repeats
		assertThat(repeated(numbers, Set.of(k("S1", 100)), asked, k("S1", 100), k("S1", 200), null, k("S2", 100),
				k("S2", 100)))
			.containsExactly(0, 4);
		assertThat(asked).as("the colliding keys are confirmed exactly, each once")
			.containsExactly(k("S1", 100), k("S1", 200), k("S2", 100));

		// a key dropped as the other side of a pair is not stored, yet seen
		numbers.dropped(k("S3", 300));
		asked.clear();
		assertThat(repeated(numbers, Set.of(), asked, k("S3", 300), k("S4", 300))).containsExactly(0);
		assertThat(asked).containsExactly(k("S4", 300));
	}

	@Test
	void aKeyWhoseHashWasNeverSeenIsNewWithoutALookUp() {
		SerialNumbers numbers = new SerialNumbers(SerialNumbers::hash);
		numbers.loaded(k("S1", 100));
		List<SerialNumbers.Key> asked = new ArrayList<>();
		assertThat(repeated(numbers, Set.of(k("S1", 100)), asked, k("S2", 100), k("S1", 101))).isEmpty();
		assertThat(asked).isEmpty();
		assertThat(repeated(numbers, Set.of(k("S1", 100)), asked, k("S1", 100))).containsExactly(0);
		assertThat(SerialNumbers.hash(k("S1", 100))).isNotEqualTo(SerialNumbers.hash(k("S1", 101)))
			.isNotEqualTo(SerialNumbers.hash(k("S2", 100)));
	}

}
