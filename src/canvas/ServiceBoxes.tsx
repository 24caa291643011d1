import { memo } from 'react';
import { useText } from '../app/language';
import { ViewportLayer } from '../flow/ViewportLayer';
import type { ServiceBox } from './frames';

/** The bundle's services inside a frame that holds more than one, each named as the preview's folder. */
export const ServiceBoxes = memo(function ServiceBoxes({ boxes }: { boxes: ServiceBox[] }) {
  const text = useText().canvas;
  return (
    <ViewportLayer>
      {boxes.map((box) => (
        <div
          key={box.service}
          className="service-box"
          data-service={box.service}
          data-container={box.container}
          title={text.serviceBoxTitle({ service: box.service, container: box.container })}
          style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
        >
          <span className="service-box-name">{text.serviceBoxName({ service: box.service })}</span>
        </div>
      ))}
    </ViewportLayer>
  );
});
