package org.fangfei.app.shared;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way a list becomes an export: every page of the list's search, up to the row
 * limit and refused beyond it with a Chinese reason; times in China time whatever the
 * server's zone.
 */
class ExportsTests {

	@Test
	void everyPageIsReadInOrder() {
		List<Long> all = LongStream.rangeClosed(1, 450).boxed().toList();
		List<PageRequest> asked = new ArrayList<>();
		List<Long> read = Exports.all(page -> {
			asked.add(page);
			int from = Math.min(page.offset(), all.size());
			return page.pageOf(all.subList(from, Math.min(from + page.size(), all.size())), all.size());
		}, "线索");
		assertThat(read).isEqualTo(all);
		assertThat(asked).extracting(PageRequest::page).containsExactly(1, 2, 3);
		assertThat(asked).extracting(PageRequest::size).containsOnly(PageRequest.MAX_SIZE);
	}

	@Test
	void moreThanTheLimitIsRefusedInChineseBeforeReadingOn() {
		List<PageRequest> asked = new ArrayList<>();
		assertThatThrownBy(() -> Exports.all(page -> {
			asked.add(page);
			return page.pageOf(List.of(1L), Exports.MAX_ROWS + 1L);
		}, "走访记录")).isInstanceOf(Rejected.class).hasMessage("符合条件的走访记录超过 10000 条，无法一次导出。请增加筛选条件后分批导出。");
		assertThat(asked).hasSize(1);
	}

	@Test
	void timesAreChinaTime() {
		assertThat(Exports.time(OffsetDateTime.parse("2026-11-22T23:14:00Z"))).isEqualTo("2026-11-23 07:14");
		assertThat(Exports.time(null)).isEmpty();
		assertThat(Exports.filename("线索台账")).matches("线索台账-20[0-9]{6}\\.xlsx");
	}

}
