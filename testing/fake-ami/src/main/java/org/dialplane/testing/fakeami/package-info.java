/**
 * A fake Asterisk Manager Interface server for tests and benchmarks: a real TCP server on a loopback port
 * that speaks the AMI protocol, records what it receives and can be scripted, dropped and refused.
 */
@Export
@Version("1.0.0")
package org.dialplane.testing.fakeami;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
