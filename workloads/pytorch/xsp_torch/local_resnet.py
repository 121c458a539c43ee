"""ResNet-18/50 (He et al. 2015), the layer shapes of torchvision.models.resnet, for hosts with
torch but no torchvision. Written against torch.nn only; weights are random (seeded by the caller)."""

LAYERS = {"resnet18": ("basic", (2, 2, 2, 2)), "resnet50": ("bottleneck", (3, 4, 6, 3))}


def build_local_resnet(torch, name, num_classes=1000):
    nn = torch.nn
    kind, counts = LAYERS[name]
    expansion = 1 if kind == "basic" else 4

    def conv_bn(cin, cout, kernel, stride):
        return [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False), nn.BatchNorm2d(cout)]

    class Block(nn.Module):
        def __init__(self, cin, width, stride):
            super().__init__()
            cout = width * expansion
            if kind == "basic":
                layers = conv_bn(cin, width, 3, stride) + [nn.ReLU(inplace=True)] + conv_bn(width, width, 3, 1)
            else:
                layers = (conv_bn(cin, width, 1, 1) + [nn.ReLU(inplace=True)] + conv_bn(width, width, 3, stride)
                          + [nn.ReLU(inplace=True)] + conv_bn(width, cout, 1, 1))
            self.body = nn.Sequential(*layers)
            needs_projection = stride != 1 or cin != cout
            self.shortcut = nn.Sequential(*conv_bn(cin, cout, 1, stride)) if needs_projection else nn.Identity()
            self.relu = nn.ReLU(inplace=True)

        def forward(self, x):
            return self.relu(self.body(x) + self.shortcut(x))

    stages, cin = [], 64
    for index, count in enumerate(counts):
        width = 64 * 2**index
        for block in range(count):
            stages.append(Block(cin, width, 2 if block == 0 and index > 0 else 1))
            cin = width * expansion
    return nn.Sequential(
        *conv_bn(3, 64, 7, 2), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, 1),
        *stages, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, num_classes),
    )
