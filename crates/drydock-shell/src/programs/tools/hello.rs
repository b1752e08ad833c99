//! `/hello`, the one executable of the `hello-world` image: Docker's welcome text on stdout,
//! exit 0, whatever its arguments.
use crate::programs::ProgramCtx;

/// What `docker run hello-world` prints (the amd64 image).
const MESSAGE: &str = "
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

";

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    ctx.stdout(MESSAGE.as_bytes());
    0
}
