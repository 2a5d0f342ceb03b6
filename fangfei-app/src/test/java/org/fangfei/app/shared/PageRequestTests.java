package org.fangfei.app.shared;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever page a request asks for, what is read is a capped page. */
class PageRequestTests {

	@ParameterizedTest
	@CsvSource(textBlock = """
			1,            20,         1,       20,  0
			3,            20,         3,       20,  40
			0,            20,         1,       20,  0
			-5,           20,         1,       20,  0
			2,            0,          2,       1,   1
			2,            -1,         2,       1,   1
			1,            100000,     1,       200, 0
			2147483647,   2147483647, 1000000, 200, 199999800
			-2147483648,  200,        1,       200, 0
			""")
	void pageAndSizeAreCappedAndTheOffsetNeverOverflows(int page, int size, int cappedPage, int cappedSize,
			int offset) {
		PageRequest request = PageRequest.of(page, size);
		assertThat(request.page()).isEqualTo(cappedPage);
		assertThat(request.size()).isEqualTo(cappedSize);
		assertThat(request.offset()).isEqualTo(offset);
	}

	@Test
	void aPageOfTheDefaultSize() {
		assertThat(PageRequest.of(4)).isEqualTo(new PageRequest(4, PageRequest.DEFAULT_SIZE));
		assertThat(PageRequest.of(4).offset()).isEqualTo(60);
	}

	@Test
	void theResultCarriesThePageAsked() {
		PageOf<String> page = PageRequest.of(2, 10).pageOf(List.of("k", "l"), 12);
		assertThat(page.page()).isEqualTo(2);
		assertThat(page.size()).isEqualTo(10);
		assertThat(page.pages()).isEqualTo(2);
		assertThat(page.hasPrevious()).isTrue();
		assertThat(page.hasNext()).isFalse();
	}

}
