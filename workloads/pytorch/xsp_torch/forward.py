"""One forward pass per call, on the worker's own stream: torch.cuda.Stream(priority=...) as the
native worker creates its stream (native/src/common/gpu_stream.hpp), the pass enqueued inside
torch.cuda.stream(...), then an event recorded on that stream and synchronized (per request)."""


class Forward:
    def __init__(self, torch, model, device, batch, image_size, priority_value):
        self._torch = torch
        self._model = model
        self._on_gpu = device.type != "cpu"
        self.stream = None
        # Whether any measured pass was issued with the default stream current (XSched wraps only
        # streams the process creates; docs/workloads.md). None on CPU, which has no streams.
        self.default_stream_launches = False if self._on_gpu else None
        self.passes_checked = 0
        if self._on_gpu:
            self.stream = torch.cuda.Stream(device=device, priority=priority_value)
            self._default = torch.cuda.default_stream(device)
            self._device = device
            self._done = torch.cuda.Event()
            with torch.cuda.stream(self.stream):
                self._input = torch.randn(batch, 3, image_size, image_size, device=device)
            self.stream.synchronize()
        else:
            self._input = torch.randn(batch, 3, image_size, image_size)

    def __call__(self):
        torch = self._torch
        if not self._on_gpu:
            with torch.inference_mode():
                self._model(self._input)
            return
        with torch.cuda.stream(self.stream), torch.inference_mode():
            if torch.cuda.current_stream(self._device) == self._default:
                self.default_stream_launches = True
            self.passes_checked += 1
            self._model(self._input)
            self._done.record(self.stream)
        self._done.synchronize()

    def stream_use(self):
        """What the result file says about the streams the measured passes went to."""
        if not self._on_gpu:
            return {"defaultStreamLaunches": None, "detail": "cpu test mode: no streams"}
        where = "the default stream" if self.default_stream_launches else f"its own stream (priority {self.stream.priority})"
        return {"defaultStreamLaunches": self.default_stream_launches,
                "detail": f"{self.passes_checked} pass(es) issued with torch.cuda.current_stream() checked: {where}"}
