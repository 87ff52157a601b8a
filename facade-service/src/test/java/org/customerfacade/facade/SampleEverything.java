package org.customerfacade.facade;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Records every trace in {@link RecordedSpans} and checks every provider response for drift. Test
 * classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(RecordedSpans.class)
@TestPropertySource(
    properties = {"management.tracing.sampling.probability=1.0", "facade.drift.sample-rate=1.0"})
@interface SampleEverything {}
