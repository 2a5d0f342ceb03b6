package org.fangfei.app.workbench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page asks each module a few indexed questions, not one per row: the number of
 * SQL statements one load of the office's workbench (the widest: every section) sends,
 * counted on the connections, stays within a bound that does not grow with the data.
 */
@IntegrationTest
@Import(WorkbenchQueriesTests.Counting.class)
class WorkbenchQueriesTests {

	static final AtomicInteger STATEMENTS = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestAccounts accounts;

	@Test
	void theOfficesWorkbenchIsAFewDozenStatementsWhateverTheData() throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc.perform(get("/").with(user(office))).andExpect(status().isOk());
		STATEMENTS.set(0);
		this.mvc.perform(get("/").with(user(office))).andExpect(status().isOk());
		int statements = STATEMENTS.get();
		System.out.println("Statements for one load of the office's workbench: " + statements);
		assertThat(statements).isBetween(1, 45);
	}

	@TestConfiguration
	static class Counting {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource source)) {
						return bean;
					}
					return Proxy.newProxyInstance(DataSource.class.getClassLoader(),
							new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
								Object result = invoke(source, method, args);
								return result instanceof Connection c ? counting(c) : result;
							});
				}
			};
		}

		private static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
								|| method.getName().equals("prepareCall")) {
							STATEMENTS.incrementAndGet();
						}
						return invoke(connection, method, args);
					});
		}

		private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
