package org.fangfei.detect.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account record's layout, read from {@link AccountRecord}'s constants: no two fields
 * share a bit, every field lies inside the record, and every named accessor reaches a
 * storage of its own.
 */
class AccountRecordLayoutTest {

	/** A field's bits in the record, {@code [from, to)}. */
	record Bits(String name, int from, int to) {
	}

	/** The record's fields as the constants of {@link AccountRecord} declare them. */
	static List<Bits> recordFields() throws IllegalAccessException {
		Map<String, Integer> constants = new HashMap<>();
		for (Field f : AccountRecord.class.getDeclaredFields()) {
			int m = f.getModifiers();
			if (Modifier.isStatic(m) && f.getType() == int.class && !Modifier.isPrivate(m)) {
				constants.put(f.getName(), f.getInt(null));
			}
		}
		List<Bits> fields = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		constants.forEach((name, value) -> {
			if (name.startsWith("L_")) {
				fields.add(new Bits(name, 64 * value, 64 * value + 64));
			}
			else if (name.startsWith("I_")) {
				fields.add(new Bits(name, 32 * value, 32 * value + 32));
			}
			else if (name.endsWith("_AT")) {
				Integer longs = constants.get(name.substring(0, name.length() - 3) + "_LONGS");
				if (longs == null) {
					unknown.add(name + " (no _LONGS)");
				}
				else {
					fields.add(new Bits(name, 64 * value, 64 * (value + longs)));
				}
			}
			else if (!name.endsWith("_LONGS") && !name.equals("STRIDE") && !name.startsWith("CP_")
					&& !name.startsWith("INFO_")) {
				unknown.add(name);
			}
		});
		assertThat(unknown).as("constants of AccountRecord that are no layout field").isEmpty();
		return fields;
	}

	/** The pairs of fields that share a bit, and the fields outside {@code [0, bits)}. */
	static List<String> problems(List<Bits> fields, int bits) {
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			Bits f = fields.get(i);
			if (f.from() < 0 || f.to() > bits || f.from() >= f.to()) {
				problems
					.add(f.name() + " [" + f.from() + ", " + f.to() + ") is outside the record of " + bits + " bits");
			}
			for (int j = i + 1; j < fields.size(); j++) {
				Bits g = fields.get(j);
				if (f.from() < g.to() && g.from() < f.to()) {
					problems.add(f.name() + " overlaps " + g.name());
				}
			}
		}
		return problems;
	}

	@Test
	void noTwoFieldsOfTheRecordShareABitAndAllLieInsideIt() throws Exception {
		List<Bits> fields = recordFields();
		assertThat(fields).hasSizeGreaterThan(40);
		assertThat(problems(fields, 64 * AccountRecord.STRIDE)).isEmpty();
		// The blocks hold what AccountState puts in them.
		assertThat(AccountRecord.RING_LONGS).isEqualTo(3 * AccountState.RING);
		assertThat(AccountRecord.FIRST_MS_LONGS * 2).isEqualTo(AccountState.RING);
		assertThat(AccountRecord.OUT_LONGS).isEqualTo(5 * AccountState.OUTS);
		assertThat(AccountRecord.LAST_ALERT_LONGS).isEqualTo(Pattern.values().length);
	}

	@Test
	void theCheckFindsAnOverlapAndAFieldBeyondTheRecord() {
		List<Bits> fields = List.of(new Bits("L_A", 0, 64), new Bits("I_B", 32, 64), new Bits("I_C", 64, 96),
				new Bits("X_AT", 96, 192));
		assertThat(problems(fields, 160)).containsExactlyInAnyOrder("L_A overlaps I_B",
				"X_AT [96, 192) is outside the record of 160 bits");
	}

	@Test
	void theSlotOfACounterpartyTableHoldsFourIntsAndItsInfoBitsAreDisjoint() {
		assertThat(List.of(AccountRecord.CP_HASH, AccountRecord.CP_YUAN, AccountRecord.CP_INFO, AccountRecord.CP_BATCH))
			.doesNotHaveDuplicates()
			.allMatch((i) -> i >= 0 && i < AccountRecord.CP_INTS);
		int in = AccountRecord.INFO_IN_DAY;
		int memo = AccountRecord.INFO_MEMO_DAY;
		int payee = AccountRecord.INFO_PAYEE;
		assertThat(in & memo).isZero();
		assertThat(in & payee).isZero();
		assertThat(memo & payee).isZero();
		// The relative days the detector stores fit their fields.
		assertThat(in).isEqualTo(0xFFFF);
		assertThat(memo >>> 16).isEqualTo(0x7FFF);

		int[] t = new int[8];
		AccountRecord.lastInDay(t, 4, 0xFFFF);
		AccountRecord.lastMemoDay(t, 4, 0x7FFF);
		AccountRecord.markPayee(t, 4);
		AccountRecord.paidInYuan(t, 4, 7);
		AccountRecord.lastBatch(t, 4, 9);
		assertThat(AccountRecord.lastInDay(t, 4)).isEqualTo(0xFFFF);
		assertThat(AccountRecord.lastMemoDay(t, 4)).isEqualTo(0x7FFF);
		assertThat(AccountRecord.wasPayee(t, 4)).isTrue();
		AccountRecord.lastInDay(t, 4, 3);
		AccountRecord.lastMemoDay(t, 4, 5);
		assertThat(AccountRecord.lastInDay(t, 4)).isEqualTo(3);
		assertThat(AccountRecord.lastMemoDay(t, 4)).isEqualTo(5);
		assertThat(AccountRecord.wasPayee(t, 4)).isTrue();
		assertThat(AccountRecord.paidInYuan(t, 4)).isEqualTo(7);
		assertThat(AccountRecord.lastBatch(t, 4)).isEqualTo(9);
		assertThat(t[4 + AccountRecord.CP_HASH]).isZero();
		assertThat(t).startsWith(0, 0, 0, 0);
	}

	/**
	 * Every pair of accessors {@code x()} / {@code x(v)} keeps its own value: written
	 * with a different value each, all read back unchanged (an accessor wired to another
	 * field's constant fails here).
	 */
	@Test
	void everyNamedFieldKeepsItsOwnValue() throws Exception {
		AccountState s = new AccountState();
		Map<Method, Long> written = new HashMap<>();
		long value = 0x1_0000_0001L;
		for (Method get : AccountRecord.class.getDeclaredMethods()) {
			if (Modifier.isStatic(get.getModifiers()) || get.getParameterCount() != 0
					|| (get.getReturnType() != int.class && get.getReturnType() != long.class)) {
				continue;
			}
			Method set = AccountRecord.class.getDeclaredMethod(get.getName(), get.getReturnType());
			value += 0x1_0000_0001L;
			if (get.getReturnType() == int.class) {
				set.invoke(s, (int) value);
			}
			else {
				set.invoke(s, value);
			}
			written.put(get, value);
		}
		long named = recordFields().stream().filter((f) -> !f.name().endsWith("_AT")).count();
		assertThat(written).hasSize((int) named);
		written.forEach((get, v) -> {
			try {
				Object expected = (get.getReturnType() == int.class) ? (Object) (int) (long) v : (Object) v;
				assertThat(get.invoke(s)).as(get.getName()).isEqualTo(expected);
			}
			catch (ReflectiveOperationException ex) {
				throw new AssertionError(ex);
			}
		});
	}

}
