# Readout: a small static image running as non-root.
#   docker build -t readout .
#   docker run -p 8080:8080 readout
#   docker run -v "$PWD/archive:/archive" readout add -seeds /archive URL…   # readout add runs /readout-add
# The templ code is generated and committed, so the build needs nothing but the Go toolchain.

FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/readout ./cmd/server
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/readout-add ./cmd/readout-add

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/readout /out/readout-add /
USER nonroot:nonroot
EXPOSE 8080
ENV READOUT_ADDR=:8080
ENTRYPOINT ["/readout"]
