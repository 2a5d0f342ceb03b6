package org.fangfei.app.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON side of {@link NulCharacterFilter}: a string value holding a NUL character
 * ({@code "\u0000"}) anywhere in a JSON request body is refused while it is read, so the
 * API answers 400 with {@link NulCharacterFilter#MESSAGE} instead of failing deep inside
 * (PostgreSQL cannot store NUL in text).
 */
@Configuration(proxyBeanMethods = false)
class JsonWithoutNul {

	@Bean
	JsonMapperBuilderCustomizer refuseNulInJsonStrings() {
		SimpleModule module = new SimpleModule("fangfei-no-nul");
		module.setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
				return beanDescRef.getBeanClass() == String.class ? new Checked(deserializer) : deserializer;
			}
		});
		return builder -> builder.addModule(module);
	}

	/** Whether a request failed to read because of a NUL character in a JSON string. */
	static boolean causedByNul(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof NulRefused) {
				return true;
			}
		}
		return false;
	}

	private static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			Object value = super.deserialize(p, ctxt);
			if (value instanceof String s && s.indexOf('\0') >= 0) {
				throw new NulRefused(p, s);
			}
			return value;
		}

	}

	private static final class NulRefused extends InvalidFormatException {

		NulRefused(JsonParser p, String value) {
			super(p, "NUL character in a JSON string", value, String.class);
		}

	}

}
