package org.fangfei.app.enquiry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.carrotsearch.hppc.BitMixer;
import com.carrotsearch.hppc.LongHashSet;

/**
 * The serial numbers (each with its amount) of a matter's transfers seen so far, for the
 * both-sides check (同一笔交易两端), held in bounded memory: each as a 64-bit hash in a
 * primitive set, 8 bytes and no object, where a million strings took some 110 MB. A key
 * whose hash was never seen is new for certain. A hash seen before may be a collision, so
 * the key is confirmed against the exact keys before the transfer counts as seen: those
 * earlier in the same chunk (in memory), those of the transfers written (in
 * {@code trace_flow}, asked once per chunk by {@code stored}), and those of the transfers
 * dropped as the other side of a loaded one (not written, so kept here exactly; there are
 * only as many as such drops). A collision therefore costs a look-up, never a transfer.
 */
final class SerialNumbers {

	/** A serial number with the amount in fen. */
	record Key(String serial, long fen) {
	}

	private final LongHashSet hashes = new LongHashSet();

	private final Set<Key> dropped = new HashSet<>();

	private final ToLongFunction<Key> hash;

	SerialNumbers(ToLongFunction<Key> hash) {
		this.hash = hash;
	}

	/** A key of a transfer written before this load. */
	void loaded(Key key) {
		this.hashes.add(this.hash.applyAsLong(key));
	}

	/**
	 * Which of a chunk's keys (null: no serial number) were seen — before the chunk, or
	 * earlier in it — and remembers them all.
	 * @param stored of the keys asked, those among the matter's written transfers
	 */
	BitSet repeated(List<Key> keys, Function<List<Key>, Set<Key>> stored) {
		BitSet repeated = new BitSet(keys.size());
		Set<Key> inChunk = new HashSet<>();
		List<Key> maybe = new ArrayList<>();
		List<Integer> maybeAt = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			if (key == null) {
				continue;
			}
			if (!inChunk.add(key)) {
				repeated.set(i);
			}
			else if (this.hashes.contains(this.hash.applyAsLong(key))) {
				if (this.dropped.contains(key)) {
					repeated.set(i);
				}
				else {
					maybe.add(key);
					maybeAt.add(i);
				}
			}
		}
		if (!maybe.isEmpty()) {
			Set<Key> found = stored.apply(maybe);
			for (int j = 0; j < maybe.size(); j++) {
				if (found.contains(maybe.get(j))) {
					repeated.set(maybeAt.get(j));
				}
			}
		}
		for (Key key : inChunk) {
			this.hashes.add(this.hash.applyAsLong(key));
		}
		return repeated;
	}

	/**
	 * A transfer with {@code key} dropped as the other side of a loaded one: not written,
	 * so its key is kept exactly.
	 */
	void dropped(Key key) {
		if (key != null) {
			this.dropped.add(key);
		}
	}

	/**
	 * FNV-1a over the serial number's characters, the amount mixed in, finished by
	 * MurmurHash3's 64-bit mix (its quality costs only look-ups, never transfers).
	 */
	static long hash(Key key) {
		long h = 0xcbf29ce484222325L ^ (key.fen() * 0x9e3779b97f4a7c15L);
		String s = key.serial();
		for (int i = 0; i < s.length(); i++) {
			h ^= s.charAt(i);
			h *= 0x100000001b3L;
		}
		return BitMixer.mix64(h);
	}

}
