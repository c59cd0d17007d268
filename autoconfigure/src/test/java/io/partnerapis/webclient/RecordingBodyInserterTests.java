/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.webclient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordingBodyInserter}: which bodies are kept for a replay after a
 * 401, and that a replay sends the bytes and content type first sent.
 */
class RecordingBodyInserterTests {

	private static final BodyInserter.Context CONTEXT = new BodyInserter.Context() {

		private final List<HttpMessageWriter<?>> writers = ExchangeStrategies.withDefaults().messageWriters();

		@Override
		public List<HttpMessageWriter<?>> messageWriters() {
			return this.writers;
		}

		@Override
		public Optional<ServerHttpRequest> serverRequest() {
			return Optional.empty();
		}

		@Override
		public Map<String, Object> hints() {
			return Map.of();
		}

	};

	@Test
	void nothingIsReplayableBeforeTheBodyIsWritten() {
		assertThat(new RecordingBodyInserter(BodyInserters.fromValue("x")).isReplayable()).isFalse();
	}

	@Test
	void valueBodyIsReplayedWithItsBytesAndContentType() {
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.fromValue("{\"amount\":42}"));
		MockClientHttpRequest first = write(body, MediaType.APPLICATION_JSON);
		assertThat(first.getBodyAsString().block()).isEqualTo("{\"amount\":42}");
		assertThat(body.isReplayable()).isTrue();
		MockClientHttpRequest replay = replay(body);
		assertThat(replay.getBodyAsString().block()).isEqualTo("{\"amount\":42}");
		assertThat(replay.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
		assertThat(replay.getHeaders().getContentLength()).isEqualTo(13);
	}

	@Test
	void formBodyIsReplayedWithItsBytesAndContentType() {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("q", "x y");
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.fromFormData(form));
		MockClientHttpRequest first = write(body, null);
		assertThat(body.isReplayable()).isTrue();
		MockClientHttpRequest replay = replay(body);
		assertThat(replay.getBodyAsString().block()).isEqualTo("q=x+y").isEqualTo(first.getBodyAsString().block());
		assertThat(replay.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED))
			.isTrue();
	}

	@Test
	void bodyFromAOneShotSourceIsReplayedWithTheBytesFirstSent() {
		ByteArrayInputStream stream = new ByteArrayInputStream("read once".getBytes(StandardCharsets.UTF_8));
		RecordingBodyInserter body = new RecordingBodyInserter(
				BodyInserters.fromPublisher(Mono.fromCallable(stream::readAllBytes), byte[].class));
		write(body, MediaType.TEXT_PLAIN).getBodyAsString().block();
		assertThat(body.isReplayable()).isTrue();
		assertThat(replay(body).getBodyAsString().block()).isEqualTo("read once");
		assertThat(replay(body).getBodyAsString().block()).as("a second replay").isEqualTo("read once");
	}

	@Test
	void emptyBodyIsReplayedEmpty() {
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.empty());
		write(body, null);
		assertThat(body.isReplayable()).isTrue();
		MockClientHttpRequest replay = replay(body);
		assertThat(replay.getBody().collectList().block()).isEmpty();
		assertThat(replay.getHeaders().getContentType()).isNull();
	}

	@Test
	void bodyWrittenAsAStreamIsNotReplayable() {
		Flux<DataBuffer> chunks = Flux.range(0, 3)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(("chunk-" + i + "\n").getBytes()));
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.fromDataBuffers(chunks));
		assertThat(write(body, MediaType.TEXT_PLAIN).getBodyAsString().block())
			.isEqualTo("chunk-0\nchunk-1\nchunk-2\n");
		assertThat(body.isReplayable()).isFalse();
	}

	@Test
	void multipartBodyIsNotReplayable() {
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource("content".getBytes()) {

			@Override
			public String getFilename() {
				return "file.txt";
			}

		});
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.fromMultipartData(parts));
		assertThat(write(body, null).getBodyAsString().block()).contains("content");
		assertThat(body.isReplayable()).isFalse();
	}

	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 0, 1, RecordingBodyInserter.MAX_REPLAY_BYTES })
	void bodiesUpTo256KiBAreReplayable(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.fromValue(bytes));
		write(body, MediaType.APPLICATION_OCTET_STREAM);
		assertThat(body.isReplayable()).isTrue();
		assertThat(DataBufferUtils.join(replay(body).getBody())
			.map(DataBuffer::readableByteCount)
			.defaultIfEmpty(0)
			.block()).isEqualTo(size);
	}

	@Test
	void largerBodyIsNotReplayable() {
		byte[] bytes = new byte[RecordingBodyInserter.MAX_REPLAY_BYTES + 1];
		RecordingBodyInserter body = new RecordingBodyInserter(BodyInserters.fromValue(bytes));
		write(body, MediaType.APPLICATION_OCTET_STREAM);
		assertThat(body.isReplayable()).isFalse();
	}

	private static MockClientHttpRequest write(BodyInserter<?, ? super ClientHttpRequest> body, MediaType contentType) {
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.POST, "/things");
		if (contentType != null) {
			request.getHeaders().setContentType(contentType);
		}
		body.insert(request, CONTEXT).block(Duration.ofSeconds(5));
		return request;
	}

	private static MockClientHttpRequest replay(RecordingBodyInserter body) {
		return write(body.replay(), null);
	}

}
