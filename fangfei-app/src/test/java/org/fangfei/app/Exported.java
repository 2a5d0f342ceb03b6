package org.fangfei.app;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An Excel export downloaded as a user and read back as rows, the header first: checks it
 * is an .xlsx attachment with a Chinese, dated file name.
 */
public final class Exported {

	private Exported() {
	}

	public static List<List<String>> rows(MockMvc mvc, UserDetails who, MockHttpServletRequestBuilder request)
			throws Exception {
		MvcResult result = mvc.perform(request.with(user(who))).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo(Uploads.XLSX);
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains(".xlsx")
			.containsPattern("filename\\*=UTF-8''%[0-9A-F]{2}");
		return TabularFile.read("export.xlsx", new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
	}

	/** The row whose cell in the column holds the value; fails when there is none. */
	public static List<String> rowWith(List<List<String>> rows, int column, String value) {
		return rows.stream()
			.filter(r -> r.size() > column && value.equals(r.get(column)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row with " + value + " in " + rows));
	}

}
